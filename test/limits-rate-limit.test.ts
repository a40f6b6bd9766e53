import type { ChildService } from '@ngo-hub/kit/processes';
import { request } from 'node:http';
import { startGatewayProcess } from './setup/gateway-process';

interface Answer {
  status: number;
  retryAfter?: string;
  body: { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] } | unknown[];
}

/** Posts from a chosen loopback address, so two callers can be told apart by IP. */
function post(url: string, payload: unknown, localAddress = '127.0.0.1'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(payload);
    const req = request(
      url,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] as string | undefined, body: JSON.parse(text) }));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

const QUERY = { query: '{ organizations { totalCount } }' };

describe('rate limit per caller (token bucket, 1 a second, bursts of 3)', () => {
  let gateway: ChildService;
  beforeAll(async () => {
    gateway = await startGatewayProcess({ RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '3' });
  });
  afterAll(() => gateway?.stop());

  it('answers a burst, then 429 RATE_LIMITED with retry-after, then serves again after that wait; another address is not affected', async () => {
    const burst = await Promise.all([1, 2, 3].map(() => post(gateway.url, QUERY)));
    expect(burst.map((answer) => answer.status)).toEqual([200, 200, 200]);

    const limited = await post(gateway.url, QUERY);
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    const error = (limited.body as Extract<Answer['body'], { errors?: unknown }>).errors![0];
    expect(error.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: Number(limited.retryAfter) });
    expect(error.message).toMatch(/^Too many requests: at most 3 operations at once and 1 a second after that; retry in \d+ s\.$/);

    const elsewhere = await post(gateway.url, QUERY, '127.0.0.2');
    expect(elsewhere.status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, Number(limited.retryAfter) * 1000 + 100));
    const again = await post(gateway.url, QUERY);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ data: { organizations: { totalCount: expect.any(Number) } } });
  });

  it('counts every operation of a batch', async () => {
    await new Promise((resolve) => setTimeout(resolve, 3100)); // a full bucket
    const batch = await post(gateway.url, [QUERY, QUERY, QUERY], '127.0.0.3');
    expect(batch.status).toBe(200);
    expect(batch.body).toHaveLength(3);
    const next = await post(gateway.url, QUERY, '127.0.0.3');
    expect(next.status).toBe(429);
  });
});
