import { seedId } from '@ngo-hub/kit';
import { asAdmin, startTestSubgraph, type TestSubgraph } from '@ngo-hub/kit/testing';
import { organizationsSubgraph } from '../src';
import { creditCodeCheckCharacter } from '../src/services/credit-code';
import { SEED_ORGANIZATIONS } from '../seed/organizations.seed';
import { createOrganizations, failure, ok, statementsDuring, unique } from './support/fixtures';

interface Change {
  previousStatus: string | null;
  status: string;
  legalForm: string | null;
  authority: string | null;
  creditCode: string | null;
  registeredOn: string | null;
  reason: string | null;
  recordedAt: string;
}

const CHANGE_FIELDS = 'previousStatus status legalForm authority creditCode registeredOn reason recordedAt';
const HISTORY = `query($id: ID!, $first: Int, $after: String) {
  organization(id: $id) {
    registration { status legalForm authority creditCode registeredOn }
    registrationHistory(first: $first, after: $after) { totalCount nodes { ${CHANGE_FIELDS} } pageInfo { hasNextPage endCursor } }
  }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { organization { registration { status } } } }`;

interface HistoryAnswer {
  organization: {
    registration: { status: string; legalForm: string | null; authority: string | null; creditCode: string | null; registeredOn: string | null };
    registrationHistory: { totalCount: number; nodes: Change[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  };
}

describe('registration history', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true, identity: asAdmin() });
  });
  afterAll(() => subgraph.stop());

  const historyOf = (id: string, page: { first?: number; after?: string | null } = {}) => ok<HistoryAnswer>(subgraph, HISTORY, { id, ...page });
  const update = (id: string, input: Record<string, unknown>) => subgraph.request(UPDATE, { id, input });

  it('starts the history when an organization is created, with or without a registration', async () => {
    const [plain, filed] = await createOrganizations(subgraph, [
      { name: unique('Plain'), kind: 'NGO' },
      {
        name: unique('Filed'),
        kind: 'NGO',
        registration: { status: 'FILED_ON_RECORD', authority: 'Wuhou District Civil Affairs Bureau', registeredOn: '2019-05-01' },
      },
    ]);
    expect((await historyOf(plain)).organization.registrationHistory.nodes).toEqual([
      expect.objectContaining({ previousStatus: null, status: 'UNREGISTERED' }),
    ]);
    expect((await historyOf(filed)).organization.registrationHistory.nodes).toEqual([
      expect.objectContaining({
        previousStatus: null,
        status: 'FILED_ON_RECORD',
        authority: 'Wuhou District Civil Affairs Bureau',
        registeredOn: '2019-05-01',
      }),
    ]);
  });

  it('keeps every step from unregistered to filed on record to registered, oldest first, the last one being the current registration', async () => {
    const [id] = await createOrganizations(subgraph, [{ name: unique('Climbing'), kind: 'NGO' }]);
    expect(
      (await update(id, { registration: { status: 'FILED_ON_RECORD', authority: 'Jinjiang District Civil Affairs Bureau', registeredOn: '2020-03-01' } }))
        .errors,
    ).toBeUndefined();
    const code = '52510100MJ' + '1234567';
    const creditCode = code + creditCodeCheckCharacter(code);
    expect(
      (
        await update(id, {
          registration: {
            status: 'REGISTERED',
            legalForm: 'SOCIAL_SERVICE_ORGANIZATION',
            authority: 'Chengdu Civil Affairs Bureau',
            registeredOn: '2022-06-15',
            creditCode,
          },
        })
      ).errors,
    ).toBeUndefined();
    const { organization } = await historyOf(id);
    expect(organization.registrationHistory.nodes.map((c) => [c.previousStatus, c.status])).toEqual([
      [null, 'UNREGISTERED'],
      ['UNREGISTERED', 'FILED_ON_RECORD'],
      ['FILED_ON_RECORD', 'REGISTERED'],
    ]);
    const last = organization.registrationHistory.nodes[2];
    expect(last).toMatchObject({ legalForm: 'SOCIAL_SERVICE_ORGANIZATION', authority: 'Chengdu Civil Affairs Bureau', registeredOn: '2022-06-15', creditCode });
    expect(organization.registration).toEqual({
      status: 'REGISTERED',
      legalForm: 'SOCIAL_SERVICE_ORGANIZATION',
      authority: 'Chengdu Civil Affairs Bureau',
      registeredOn: '2022-06-15',
      creditCode,
    });
    const times = organization.registrationHistory.nodes.map((c) => Date.parse(c.recordedAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('adds no step when the registration is given unchanged or not given at all', async () => {
    const [id] = await createOrganizations(subgraph, [
      { name: unique('Steady'), kind: 'NGO', registration: { status: 'FILED_ON_RECORD', authority: 'Bureau' } },
    ]);
    await update(id, { registration: { status: 'FILED_ON_RECORD', authority: '  Bureau ' } });
    await update(id, { name: unique('Steady renamed') });
    expect((await historyOf(id)).organization.registrationHistory.totalCount).toBe(1);
    await update(id, { registration: { status: 'FILED_ON_RECORD', authority: 'Another Bureau' } });
    expect((await historyOf(id)).organization.registrationHistory.nodes.map((c) => [c.previousStatus, c.status, c.authority])).toEqual([
      [null, 'FILED_ON_RECORD', 'Bureau'],
      ['FILED_ON_RECORD', 'FILED_ON_RECORD', 'Another Bureau'],
    ]);
  });

  it('refuses a step back from REGISTERED without a reason, as a CONFLICT, and changes nothing', async () => {
    const [id] = await createOrganizations(subgraph, [
      { name: unique('Registered'), kind: 'NGO', registration: { status: 'REGISTERED', legalForm: 'SOCIAL_GROUP' } },
    ]);
    for (const status of ['UNREGISTERED', 'FILED_ON_RECORD']) {
      const refused = await update(id, { registration: { status } });
      expect(failure(refused)).toMatchObject({ code: 'CONFLICT', field: 'registration.changeReason' });
      expect(failure(refused).message).toMatch(new RegExp(`cannot go back from REGISTERED to ${status} without a reason`));
    }
    const refusedNull = await update(id, { registration: null });
    expect(failure(refusedNull)).toMatchObject({ code: 'CONFLICT' });
    const { organization } = await historyOf(id);
    expect(organization.registration.status).toBe('REGISTERED');
    expect(organization.registrationHistory.totalCount).toBe(1);
  });

  it('allows a step back with a reason and keeps the reason in the history', async () => {
    const [id] = await createOrganizations(subgraph, [
      { name: unique('Merged'), kind: 'NGO', registration: { status: 'REGISTERED', legalForm: 'SOCIAL_GROUP' } },
    ]);
    const reason = 'Deregistered after merging into another association';
    expect((await update(id, { registration: { status: 'UNREGISTERED', changeReason: reason } })).errors).toBeUndefined();
    const { organization } = await historyOf(id);
    expect(organization.registration.status).toBe('UNREGISTERED');
    expect(organization.registrationHistory.nodes.at(-1)).toMatchObject({ previousStatus: 'REGISTERED', status: 'UNREGISTERED', reason });
    const [filed] = await createOrganizations(subgraph, [{ name: unique('Lapsed'), kind: 'NGO', registration: { status: 'FILED_ON_RECORD' } }]);
    expect(failure(await update(filed, { registration: { status: 'UNREGISTERED' } }))).toMatchObject({ code: 'CONFLICT' });
  });

  it('writes no history for an update that fails', async () => {
    const [id] = await createOrganizations(subgraph, [{ name: unique('Careful'), kind: 'NGO' }]);
    const refused = await update(id, { registration: { status: 'REGISTERED', creditCode: '91310115MA1K3YJ12X' } });
    expect(failure(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'registration.creditCode' });
    expect((await historyOf(id)).organization.registrationHistory.totalCount).toBe(1);
  });

  it('pages through a long history with cursors', async () => {
    const [id] = await createOrganizations(subgraph, [{ name: unique('Restless'), kind: 'NGO' }]);
    for (let i = 0; i < 6; i++) await update(id, { registration: { status: 'FILED_ON_RECORD', authority: `Bureau ${i}` } });
    const authorities: (string | null)[] = [];
    let after: string | null = null;
    for (;;) {
      const page: HistoryAnswer = await historyOf(id, { first: 3, after });
      authorities.push(...page.organization.registrationHistory.nodes.map((c) => c.authority));
      if (!page.organization.registrationHistory.pageInfo.hasNextPage) break;
      after = page.organization.registrationHistory.pageInfo.endCursor;
    }
    expect(authorities).toEqual([null, 'Bureau 0', 'Bureau 1', 'Bureau 2', 'Bureau 3', 'Bureau 4', 'Bureau 5']);
  });

  it('reads the histories of 2 and of 20 organizations with the same statements', async () => {
    const prefix = unique('Histcount');
    await createOrganizations(
      subgraph,
      Array.from({ length: 20 }, (_, i) => ({ name: `${prefix} ${i}`, kind: 'NGO', registration: { status: 'FILED_ON_RECORD' } })),
    );
    const query = `query($search: String!, $first: Int!) { organizations(filter: { search: $search }, first: $first) { nodes { registrationHistory { nodes { status recordedAt } } } } }`;
    const costs: number[] = [];
    for (const first of [2, 20]) {
      costs.push(await statementsDuring(subgraph, () => ok(subgraph, query, { search: prefix, first })));
    }
    expect(costs[1]).toBe(costs[0]);
  });

  it("has seeded histories that end in each organization's current registration, one of them unregistered → filed on record → registered", async () => {
    const legalAid = await historyOf(seedId('org:chengdu-community-legal-aid'));
    expect(legalAid.organization.registrationHistory.nodes.map((c) => c.status)).toEqual(['UNREGISTERED', 'FILED_ON_RECORD', 'REGISTERED']);
    for (const { slug } of SEED_ORGANIZATIONS) {
      const { organization } = await historyOf(seedId(`org:${slug}`), { first: 100 });
      const last = organization.registrationHistory.nodes.at(-1)!;
      expect({
        slug,
        last: { status: last.status, legalForm: last.legalForm, authority: last.authority, creditCode: last.creditCode, registeredOn: last.registeredOn },
      }).toEqual({
        slug,
        last: organization.registration,
      });
    }
  });
});
