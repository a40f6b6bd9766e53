import type { ChildService } from '@ngo-hub/kit/processes';
import { freePort } from '@ngo-hub/kit/processes';
import { randomBytes } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { startGatewayProcess } from './setup/gateway-process';
import { eventually } from './setup/eventually';

/** The machine's Redis (CI starts it); TEST_REDIS_URL names another. */
const REDIS = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');

/**
 * The machine's Redis behind a port this test opens and closes: closed, every connection to it
 * is cut and new ones are refused, as when Redis is down; open again, Redis is back.
 */
class RedisDoor {
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  constructor(readonly port: number) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(Number(REDIS.port || 6379), REDIS.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.once('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  url(): string {
    const url = new URL(REDIS);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }
}

async function readyz(gateway: ChildService): Promise<{ status: number; body: { status: string; checks: Record<string, string> } }> {
  const response = await fetch(gateway.url.replace(/\/graphql$/, '/readyz'));
  return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, string> } };
}

describe("the gateway's readiness follows Redis (REDIS_URL)", () => {
  let door: RedisDoor;
  let gateway: ChildService | undefined;

  afterAll(async () => {
    await gateway?.stop();
    await door?.close();
  });

  it('is ready while Redis answers, not ready (503, naming Redis) while it does not, still serving, and ready again when it is back', async () => {
    door = new RedisDoor(await freePort());
    await door.open();
    gateway = await startGatewayProcess({ REDIS_URL: door.url(), REDIS_KEY_PREFIX: `ngohub-test-${randomBytes(4).toString('hex')}:`, LOG_LEVEL: 'fatal' });

    const up = await readyz(gateway);
    expect(up).toEqual({ status: 200, body: { status: 'ready', checks: expect.objectContaining({ redis: 'ok', supergraph: 'ok' }) } });

    await door.close();
    const down = await eventually(async () => {
      const answer = await readyz(gateway!);
      return answer.status === 503 ? answer : undefined;
    }, 5_000);
    expect(down.body).toEqual({
      status: 'not ready',
      checks: expect.objectContaining({ redis: expect.stringMatching(/^not answering: /), organizations: 'ok' }),
    });
    expect(down.body.checks.redis).not.toContain(String(door.port));
    // alive and answering: without Redis, limits and caches fall back to this instance
    expect((await fetch(gateway.url.replace(/\/graphql$/, '/healthz'))).status).toBe(200);
    const answer = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ organizations(first: 1) { totalCount } }' }),
    });
    expect(((await answer.json()) as { data?: { organizations: { totalCount: number } } }).data?.organizations.totalCount).toBeGreaterThan(0);

    await door.open();
    const again = await eventually(async () => {
      const probe = await readyz(gateway!);
      return probe.status === 200 ? probe : undefined;
    }, 10_000);
    expect(again.body.checks.redis).toBe('ok');
  }, 60_000);
});
