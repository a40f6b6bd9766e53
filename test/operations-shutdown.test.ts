import { asAdmin, graphqlRequestAs, seedId } from '@ngo-hub/kit/testing/client';
import { freePort, startSubgraphProcess, type ChildService } from '@ngo-hub/kit/processes';
import { Client } from 'pg';

describe('graceful shutdown', () => {
  let organizations: ChildService;
  let db: Client;
  beforeAll(async () => {
    organizations = await startSubgraphProcess(
      'organizations',
      await freePort(),
      { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL, LOG_LEVEL: 'error' },
      'ignore',
    );
    db = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await organizations.stop();
    await db.end();
  });

  it('on SIGTERM stops accepting, lets the request in flight finish, and exits 0', async () => {
    const id = seedId('org:spinachina');
    // hold the row, so the mutation below is in flight (waiting for the lock) when SIGTERM arrives
    await db.query('begin');
    await db.query('select 1 from organizations.organization where id = $1 for update', [id]);
    const inFlight = graphqlRequestAs<{ updateOrganization: { organization: { stage: string } } }>(
      asAdmin(),
      organizations.url,
      `mutation($id: ID!) { updateOrganization(id: $id, input: { stage: GROWTH }) { organization { stage } } }`,
      { id },
    );
    for (let waiting = 0; waiting === 0;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const { rows } = await db.query(`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`);
      waiting = rows[0].n;
    }
    const exited = new Promise<number | null>((resolve) => organizations.child.once('exit', (code) => resolve(code)));
    organizations.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(fetch(organizations.url.replace(/\/graphql$/, '/healthz'))).rejects.toThrow(); // no longer accepting
    await db.query('rollback');

    const answer = await inFlight;
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.updateOrganization.organization.stage).toBe('GROWTH');
    expect(await exited).toBe(0);
  });
});
