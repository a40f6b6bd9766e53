import { freePort, startSubgraphProcess } from '@ngo-hub/kit/processes';
import { asAnonymous, graphqlRequest, graphqlRequestAs } from '@ngo-hub/kit/testing/client';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGatewayProcess } from './setup/gateway-process';

const PRELOAD = join(__dirname, 'setup', 'outbound-log.js');
/** Where the test hub's processes are: its subgraphs, PostgreSQL and Redis all run on this machine. */
const LOCAL = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * An NGO's hub may run where nothing may leave the building: its processes connect to what their
 * configuration names and to nothing else. Apollo Gateway, left to itself, probes the AWS, Azure,
 * GCP and Alibaba metadata services when it starts and sends the host's OS, CPU and memory to
 * usage-reporting.api.apollographql.com every hour and when it stops.
 */
describe('what the hub connects to', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ngohub-outbound-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const QUERY = '{ organizations(first: 1) { totalCount } }';

  /** The hosts a process looked up or connected to from its start, through an answer, to its stop. */
  async function hostsOf(
    name: string,
    start: (env: Record<string, string>) => Promise<{ url: string; stop(): Promise<void> }>,
    ask: (url: string) => Promise<{ errors?: unknown }>,
  ): Promise<Set<string>> {
    const log = join(folder, `${name}.log`);
    const service = await start({ NODE_OPTIONS: `--require ${PRELOAD}`, OUTBOUND_LOG: log });
    try {
      expect((await ask(service.url)).errors).toBeUndefined();
    } finally {
      await service.stop();
    }
    return new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean));
  }

  it('a gateway, from its start to its stop, connects only to the hub it was given: no cloud metadata probe, no usage report to Apollo', async () => {
    const hosts = await hostsOf(
      'gateway',
      (env) => startGatewayProcess(env),
      (url) => graphqlRequest(url, QUERY),
    );
    expect([...hosts].filter((host) => !LOCAL.has(host))).toEqual([]);
    // the log saw the gateway's own fetches to its subgraphs, so it would have seen any other
    expect(hosts).toContain('127.0.0.1');
  });

  it('a subgraph, from its start to its stop, connects only to its database', async () => {
    const hosts = await hostsOf(
      'organizations',
      async (env) =>
        startSubgraphProcess(
          'organizations',
          await freePort(),
          { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL, LOG_LEVEL: 'error', ...env },
          'ignore',
        ),
      (url) => graphqlRequestAs(asAnonymous(), url, QUERY),
    );
    expect([...hosts].filter((host) => !LOCAL.has(host))).toEqual([]);
    expect(hosts.size).toBeGreaterThan(0);
  });
});
