import { newId } from '@ngo-hub/kit';
import { asAdmin, startTestSubgraph, type TestSubgraph } from '@ngo-hub/kit/testing';
import type { Knex } from '@mikro-orm/postgresql';
import { organizationsSubgraph } from '../src';
import { Organization } from '../src/entities/organization';
import { creditCodeCheckCharacter } from '../src/services/credit-code';

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id createdAt updatedAt } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { organization { id createdAt updatedAt } } }`;
const CHANGES = `query($filter: OrganizationFilter, $first: Int, $after: String) {
  organizations(filter: $filter, orderBy: UPDATED_AT, first: $first, after: $after) {
    edges { cursor node { id name updatedAt } } pageInfo { hasNextPage endCursor }
  }
}`;
const REMOVED = `query($since: DateTime, $after: String) { removedOrganizations(since: $since, first: 100, after: $after) { nodes { id removedAt } pageInfo { endCursor } } }`;

interface Stamped {
  id: string;
  createdAt: string;
  updatedAt: string;
}
interface ChangePage {
  organizations: {
    edges: { cursor: string; node: { id: string; name: string; updatedAt: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('incremental sync of organizations', () => {
  let subgraph: TestSubgraph;
  let knex: Knex;
  /** Raw SQL on the subgraph's own database, as an operator or a bulk import would write. */
  const sql = { query: async (text: string, values: unknown[] = []) => ({ rows: (await knex.raw(text.replace(/\$\d+/g, '?'), values as never)).rows }) };
  beforeAll(async () => {
    subgraph = await startTestSubgraph(organizationsSubgraph, { identity: asAdmin() });
    knex = subgraph.running.orm.em.getKnex();
  });
  afterAll(() => subgraph.stop());

  async function create(name: string, extra: Record<string, unknown> = {}): Promise<Stamped> {
    const { data, errors } = await subgraph.request<{ createOrganization: { organization: Stamped } }>(CREATE, { input: { name, kind: 'NGO', ...extra } });
    expect(errors).toBeUndefined();
    return data!.createOrganization.organization;
  }

  async function stored(id: string): Promise<{ createdAt: string; updatedAt: string }> {
    const { rows } = await sql.query(
      `select to_json(created_at) #>> '{}' as created_at, to_json(updated_at) #>> '{}' as updated_at from organizations.organization where id = $1`,
      [id],
    );
    return { createdAt: new Date(rows[0].created_at).toISOString(), updatedAt: new Date(rows[0].updated_at).toISOString() };
  }

  /** Follows `orderBy: UPDATED_AT` from `after` to the end, `first` at a time. */
  async function changesAfter(filter: Record<string, unknown>, after: string | null, first = 1) {
    const seen: { id: string; name: string; updatedAt: string }[] = [];
    let cursor = after;
    for (;;) {
      const { data, errors } = await subgraph.request<ChangePage>(CHANGES, { filter, first, after: cursor });
      expect(errors).toBeUndefined();
      seen.push(...data!.organizations.edges.map((edge) => edge.node));
      if (data!.organizations.pageInfo.endCursor) cursor = data!.organizations.pageInfo.endCursor;
      if (!data!.organizations.pageInfo.hasNextPage) return { seen, cursor };
    }
  }

  it('answers createdAt and updatedAt as the database stamped them, and moves updatedAt on a change only', async () => {
    const created = await create(`Stamped ${newId()}`);
    expect(created.createdAt).toBe(created.updatedAt);
    expect(await stored(created.id)).toEqual({ createdAt: created.createdAt, updatedAt: created.updatedAt });

    const { data, errors } = await subgraph.request<{ updateOrganization: { organization: Stamped } }>(UPDATE, { id: created.id, input: { city: 'Chengdu' } });
    expect(errors).toBeUndefined();
    const updated = data!.updateOrganization.organization;
    expect(updated.createdAt).toBe(created.createdAt);
    expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));
    expect(await stored(created.id)).toEqual({ createdAt: updated.createdAt, updatedAt: updated.updatedAt });

    // raw SQL is stamped too, and an update that changes nothing leaves the time alone
    await sql.query(`update organizations.organization set city = 'Chengdu' where id = $1`, [created.id]);
    expect((await stored(created.id)).updatedAt).toBe(updated.updatedAt);
    await sql.query(`update organizations.organization set city = 'Shanghai', created_at = '2001-01-01Z' where id = $1`, [created.id]);
    const raw = await stored(created.id);
    expect(raw.createdAt).toBe(created.createdAt);
    expect(Date.parse(raw.updatedAt)).toBeGreaterThan(Date.parse(updated.updatedAt));
  });

  it('reads the stamps back into entities updated alone or in a batch', async () => {
    const tag = newId();
    const [one, two] = await Promise.all([create(`Batch 1 ${tag}`), create(`Batch 2 ${tag}`)]);
    for (const ids of [[one.id], [one.id, two.id]]) {
      const em = subgraph.running.orm.em.fork();
      const entities = await em.find(Organization, { id: { $in: ids } });
      for (const entity of entities) entity.city = `City ${ids.length}`;
      await em.flush();
      for (const entity of entities) {
        expect(entity.updatedAt).toBeInstanceOf(Date);
        expect(entity.updatedAt.toISOString()).toBe((await stored(entity.id)).updatedAt);
      }
      // nothing left to write: the stamp is part of the entity's snapshot
      em.getUnitOfWork().computeChangeSets();
      expect(em.getUnitOfWork().getChangeSets()).toEqual([]);
    }
  });

  it('pages changes by (updatedAt, id): rows changed in the same millisecond are neither missed nor repeated', async () => {
    const tag = newId();
    const rows = await Promise.all([1, 2, 3, 4].map((n) => create(`Tie ${n} ${tag}`)));
    const ids = rows.map((row) => row.id);
    // the same millisecond for three of them (a trigger-free session stands in for a burst of writes)
    await knex.transaction(async (trx) => {
      await trx.raw('set local session_replication_role = replica');
      await trx.raw(`update organizations.organization set updated_at = now() - interval '1 minute' where id = any(?)`, [ids.slice(0, 3)]);
    });
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const filter = { ids, updatedSince: since };
    const { seen } = await changesAfter(filter, null, 1);
    const tied = [...ids.slice(0, 3)].sort();
    expect(seen.map((row) => row.id)).toEqual([...tied, ids[3]]);
    expect(new Set(seen.slice(0, 3).map((row) => row.updatedAt)).size).toBe(1);

    // a cursor between two tied rows resumes with the rest of the tie
    const first = await subgraph.request<ChangePage>(CHANGES, { filter, first: 2 });
    const rest = await changesAfter(filter, first.data!.organizations.pageInfo.endCursor, 5);
    expect(rest.seen.map((row) => row.id)).toEqual([tied[2], ids[3]]);
  });

  it('holds back rows changed after a transaction that is still writing began, so its row cannot land behind a cursor', async () => {
    const tag = newId();
    const [slow, fast] = await Promise.all([create(`Slow ${tag}`), create(`Fast ${tag}`)]);
    const filter = { ids: [slow.id, fast.id] };
    const start = await changesAfter(filter, null, 10);
    expect(start.seen).toHaveLength(2);

    const writer = await knex.transaction();
    try {
      await writer.raw(`update organizations.organization set name = name || ' (slow)' where id = ?`, [slow.id]);
      await subgraph.request(UPDATE, { id: fast.id, input: { name: `Fast ${tag} (fast)` } });
      // the fast change is committed but later than the open write: not yet
      expect((await changesAfter(filter, start.cursor, 10)).seen).toEqual([]);
      await writer.commit();
    } catch (error) {
      await writer.rollback();
      throw error;
    }
    const after = await changesAfter(filter, start.cursor, 10);
    expect(after.seen.map((row) => row.name)).toEqual([`Slow ${tag} (slow)`, `Fast ${tag} (fast)`]);
  });

  it("takes updatedSince inclusively, with the list's own order when not asked otherwise", async () => {
    const tag = newId();
    const b = await create(`B ${tag}`);
    const a = await create(`A ${tag}`);
    const { data } = await subgraph.request<{ organizations: { nodes: { id: string }[] } }>(
      `query($filter: OrganizationFilter) { organizations(filter: $filter) { nodes { id } } }`,
      { filter: { search: tag, updatedSince: b.updatedAt } },
    );
    expect(data!.organizations.nodes.map((node) => node.id)).toEqual([a.id, b.id]);
    const later = await subgraph.request<{ organizations: { nodes: { id: string }[] } }>(
      `query($filter: OrganizationFilter) { organizations(filter: $filter) { nodes { id } } }`,
      { filter: { search: tag, updatedSince: new Date(Date.parse(a.updatedAt) + 1).toISOString() } },
    );
    expect(later.data!.organizations.nodes).toEqual([]);
  });

  it('lists a deleted organization in removedOrganizations (id and time only), however it was deleted', async () => {
    const gone = await create(`Gone ${newId()}`);
    const since = new Date(Date.now() - 1000).toISOString();
    await sql.query('delete from organizations.registration_change where organization_id = $1', [gone.id]);
    await sql.query('delete from organizations.organization where id = $1', [gone.id]);
    const { data, errors } = await subgraph.request<{ removedOrganizations: { nodes: { id: string; removedAt: string }[] } }>(REMOVED, { since });
    expect(errors).toBeUndefined();
    const removal = data!.removedOrganizations.nodes.find((node) => node.id === gone.id);
    expect(removal).toBeDefined();
    expect(Date.parse(removal!.removedAt)).toBeGreaterThanOrEqual(Date.parse(since));
    const later = await subgraph.request<{ removedOrganizations: { nodes: { id: string }[] } }>(REMOVED, {
      since: new Date(Date.parse(removal!.removedAt) + 1).toISOString(),
    });
    expect(later.data!.removedOrganizations.nodes.map((node) => node.id)).not.toContain(gone.id);
  });

  it('finds organizations by credit code', async () => {
    const first17 = `5251010${String(Date.now()).slice(-10)}`;
    const code = first17 + creditCodeCheckCharacter(first17);
    const registered = await create(`Registered ${newId()}`, { registration: { status: 'REGISTERED', creditCode: code } });
    const { data, errors } = await subgraph.request<{ organizations: { nodes: { id: string }[] } }>(
      'query($codes: [String!]) { organizations(filter: { creditCodes: $codes }) { nodes { id } } }',
      { codes: [` ${code.toLowerCase()} `, '91110000000000000X'] },
    );
    expect(errors).toBeUndefined();
    expect(data!.organizations.nodes).toEqual([{ id: registered.id }]);
    const tooMany = await subgraph.request('query($codes: [String!]) { organizations(filter: { creditCodes: $codes }) { totalCount } }', {
      codes: new Array(5001).fill(code),
    });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCodes' });
  });

  it('refuses a cursor of another order as BAD_USER_INPUT, and costs two statements a page whatever its size', async () => {
    const byName = await subgraph.request<{ organizations: { pageInfo: { endCursor: string } } }>('{ organizations(first: 1) { pageInfo { endCursor } } }');
    const wrong = await subgraph.request(CHANGES, { filter: {}, first: 1, after: byName.data!.organizations.pageInfo.endCursor });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });

    for (const first of [1, 50]) {
      const before = await subgraph.sqlStatements();
      const page = await subgraph.request(CHANGES, { filter: {}, first });
      expect(page.errors).toBeUndefined();
      // the sync horizon, then the page
      expect((await subgraph.sqlStatements()) - before).toBe(2);
    }
  });

  it('stamps incubation programmes, a list partners read, with createdAt and updatedAt from the database clock', async () => {
    const incubator = await create(`Sync Incubator ${newId()}`, { kind: 'INCUBATOR' });
    const { data, errors } = await subgraph.request<{ createIncubationProgramme: { programme: { id: string; createdAt: string; updatedAt: string } } }>(
      `mutation($input: CreateIncubationProgrammeInput!) { createIncubationProgramme(input: $input) { programme { id createdAt updatedAt } } }`,
      { input: { incubatorId: incubator.id, name: 'Stamped programme', city: 'Chengdu' } },
    );
    expect(errors).toBeUndefined();
    const programme = data!.createIncubationProgramme.programme;
    expect(programme.updatedAt).toBe(programme.createdAt);
    // changed outside the API: the trigger stamps it all the same; an update that changes nothing does not
    await sql.query(`update organizations.incubation_programme set city = city where id = $1`, [programme.id]);
    await sql.query(`update organizations.incubation_programme set description = 'Now with a description' where id = $1`, [programme.id]);
    const read = await subgraph.request<{ incubationProgrammes: { nodes: { id: string; createdAt: string; updatedAt: string }[] } }>(
      `{ incubationProgrammes(first: 100) { nodes { id createdAt updatedAt } } }`,
    );
    const after = read.data!.incubationProgrammes.nodes.find((node) => node.id === programme.id)!;
    expect(after.createdAt).toBe(programme.createdAt);
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(programme.updatedAt));
  });
});
