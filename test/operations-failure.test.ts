import { startHub, type RunningHub } from '@ngo-hub/gateway/dist/hub/hub';
import { SUBGRAPHS } from '@ngo-hub/kit/config';
import { freePort, startSubgraphProcess, type ChildService } from '@ngo-hub/kit/processes';
import { graphqlRequest } from '@ngo-hub/kit/testing/client';
import { eventually } from './setup/eventually';

const QUERY = `{ organizations(filter: { search: "成都公益组织服务园" }) { nodes { name grantsReceived(first: 5) { totalCount } people(first: 5) { totalCount } } } }`;

interface Answer {
  organizations: { nodes: { name: string; grantsReceived: { totalCount: number } | null; people: { totalCount: number } | null }[] };
}

describe('when a subgraph fails', () => {
  let hub: RunningHub;
  let ports: Record<string, number>;
  let restarted: ChildService | undefined;
  // every read goes to the subgraphs: a public answer cached while all were up would hide the failure
  const env = () => ({ ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL, LOG_LEVEL: 'error', SUBGRAPH_TIMEOUT_MS: '1000', RESPONSE_CACHE: 'off' });

  beforeAll(async () => {
    ports = { gateway: await freePort() };
    for (const name of SUBGRAPHS) ports[name] = await freePort();
    hub = await startHub({ env: env(), ports, stdio: 'ignore', prepare: false });
  });
  afterAll(async () => {
    await restarted?.stop();
    await hub.stop();
  });

  const ask = () => graphqlRequest<Answer>(hub.gatewayUrl, QUERY);
  const readyz = async () => {
    const response = await fetch(hub.gatewayUrl.replace(/\/graphql$/, '/readyz'));
    return { status: response.status, body: (await response.json()) as { checks: Record<string, string> } };
  };

  it("answers with the other subgraphs' data and an error naming the one that is down, then recovers without a restart", async () => {
    const healthy = await ask();
    expect(healthy.errors).toBeUndefined();
    expect((await readyz()).status).toBe(200);

    // frozen: the fetch times out
    hub.subgraphs.funding.child.kill('SIGSTOP');
    const frozen = await ask();
    hub.subgraphs.funding.child.kill('SIGCONT');
    expect(frozen.data!.organizations.nodes[0]).toMatchObject({
      name: 'Chengdu NGO Service Park',
      grantsReceived: null,
      people: { totalCount: expect.any(Number) },
    });
    expect(frozen.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/funding subgraph is unavailable \(no answer within 1000 ms\)/),
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'funding' },
      }),
    ]);

    // killed: the connection is refused, and readiness says which subgraph is missing
    hub.subgraphs.funding.child.kill('SIGKILL');
    await new Promise((resolve) => hub.subgraphs.funding.child.once('exit', resolve));
    const down = await ask();
    expect(down.data!.organizations.nodes[0].people!.totalCount).toBeGreaterThan(0);
    expect(down.errors?.[0].extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'funding' });
    expect(JSON.stringify(down)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack/);
    const notReady = await readyz();
    expect(notReady.status).toBe(503);
    expect(notReady.body.checks).toMatchObject({ funding: 'not answering', organizations: 'ok', people: 'ok', training: 'ok' });

    // back on its port: the same gateway answers in full again
    restarted = await startSubgraphProcess('funding', ports.funding, env(), 'ignore');
    const recovered = await eventually(async () => {
      const answer = await ask();
      return answer.errors ? undefined : answer;
    }, 15_000);
    // the whole answer again, funding's part included, as before the failure
    expect(recovered.data).toEqual(healthy.data);
    expect(recovered.data!.organizations.nodes[0].grantsReceived).toEqual({ totalCount: expect.any(Number) });
    // readiness answers are cached for a second
    await eventually(async () => ((await readyz()).status === 200 ? true : undefined), 5_000);
  }, 60_000);
});
