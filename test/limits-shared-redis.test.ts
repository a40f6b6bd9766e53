import type { ChildService } from '@ngo-hub/kit/processes';
import { createClient } from '@redis/client';
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { startGatewayProcess } from './setup/gateway-process';

/** The machine's Redis (CI starts it); TEST_REDIS_URL names another. */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** This run's keys, apart from every other run's on the machine's Redis. */
const prefix = `ngohub-test-${randomBytes(4).toString('hex')}:`;

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

/** Posts from a chosen loopback address: the caller, for an anonymous request. */
function post(url: string, payload: unknown, localAddress: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(payload);
    const req = request(
      url,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

const QUERY = { query: '{ organizations { totalCount } }' };
/**
 * A burst of 3, refilled one request per 20 s: a test asking 5 times in a row sees no refill
 * however slow the machine (at 1 per second, a run under load once got a token back between the
 * burst and the requests that must be refused).
 */
const LIMITS = { RATE_LIMIT_PER_SECOND: '0.05', RATE_LIMIT_BURST: '3' };

describe('limits shared by gateway instances through Redis (REDIS_URL)', () => {
  let shared: ChildService[] = [];
  let separate: ChildService[] = [];
  let unlimited: ChildService | undefined;

  beforeAll(async () => {
    const env = { ...LIMITS, REDIS_URL, REDIS_KEY_PREFIX: prefix };
    shared = await Promise.all([startGatewayProcess(env), startGatewayProcess(env)]);
    separate = await Promise.all([startGatewayProcess(LIMITS), startGatewayProcess(LIMITS)]);
  });

  afterAll(async () => {
    await Promise.all([...shared, ...separate, ...(unlimited ? [unlimited] : [])].map((gateway) => gateway.stop()));
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(keys);
    await redis.close();
  });

  it('gives one caller one budget across two instances: a burst of 3 in all, then 429 on both', async () => {
    const [a, b] = shared;
    const caller = '127.0.0.21';
    const burst = [await post(a.url, QUERY, caller), await post(b.url, QUERY, caller), await post(a.url, QUERY, caller)];
    expect(burst.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const [fromA, fromB] = [await post(a.url, QUERY, caller), await post(b.url, QUERY, caller)];
    expect([fromA.status, fromB.status]).toEqual([429, 429]);
    expect(fromB.body.errors![0].extensions.code).toBe('RATE_LIMITED');
    // another caller has a budget of its own
    expect((await post(b.url, QUERY, '127.0.0.22')).status).toBe(200);
  });

  it('without Redis, each instance counts on its own: the same caller gets a burst of 3 on each', async () => {
    const [a, b] = separate;
    const caller = '127.0.0.23';
    const answers: number[] = [];
    for (const gateway of [a, a, a, b, b, b]) answers.push((await post(gateway.url, QUERY, caller)).status);
    expect(answers).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it('finds a persisted query registered on one instance by its hash on the other', async () => {
    const [a, b] = shared;
    const query = `{ organizations { totalCount } __typename alias_${randomBytes(4).toString('hex')}: __typename }`;
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const unknown = await post(b.url, { extensions: { persistedQuery } }, '127.0.0.24');
    expect(unknown.body.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post(a.url, { query, extensions: { persistedQuery } }, '127.0.0.25');
    expect(registered.body.errors).toBeUndefined();
    const byHash = await post(b.url, { extensions: { persistedQuery } }, '127.0.0.26');
    expect(byHash.status).toBe(200);
    expect(byHash.body).toEqual(registered.body);
  });

  it('starts with Redis and rate limiting off (RATE_LIMIT_PER_SECOND=0), and never refuses a caller for its rate', async () => {
    unlimited = await startGatewayProcess({ REDIS_URL, REDIS_KEY_PREFIX: prefix, RATE_LIMIT_PER_SECOND: '0' });
    const caller = '127.0.0.27';
    const statuses = await Promise.all(Array.from({ length: 30 }, () => post(unlimited!.url, QUERY, caller)));
    expect(statuses.map((answer) => answer.status)).toEqual(Array(30).fill(200));
    // persisted queries are still shared through the same Redis
    const query = `{ organizations { totalCount } alias_${randomBytes(4).toString('hex')}: __typename }`;
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    expect((await post(shared[0].url, { query, extensions: { persistedQuery } }, '127.0.0.28')).body.errors).toBeUndefined();
    expect((await post(unlimited.url, { extensions: { persistedQuery } }, caller)).body.errors).toBeUndefined();
  });
});
