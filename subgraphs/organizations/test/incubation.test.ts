import { asAdmin, startTestSubgraph, type TestSubgraph } from '@ngo-hub/kit/testing';
import { organizationsSubgraph } from '../src';
import { INCUBATION_TRANSITIONS, nextIncubationStatus, type IncubationAction } from '../src/services/incubation-status';
import { IncubationStatus } from '../src/vocabulary/incubation-status';
import {
  createIncubator,
  createOrganization,
  createOrganizations,
  daysFromToday,
  failure,
  mutateAll,
  ok,
  statementsDuring,
  transition,
  unique,
} from './support/fixtures';

const CREATE_PROGRAMME = `mutation($input: CreateIncubationProgrammeInput!) { createIncubationProgramme(input: $input) { programme { id name city incubator { id name } } } }`;
const CREATE_COHORT = `mutation($input: CreateIncubationCohortInput!) { createIncubationCohort(input: $input) { cohort { id name year startsOn endsOn programme { id } } } }`;

describe('incubation', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true, identity: asAdmin() });
  });
  afterAll(() => subgraph.stop());

  describe('programmes and cohorts', () => {
    it("creates a programme run by an INCUBATOR, in the incubator's city by default", async () => {
      const incubatorId = await createOrganization(subgraph, { name: unique('Park'), kind: 'INCUBATOR', city: 'Chengdu' });
      const data = await ok<{ createIncubationProgramme: { programme: { name: string; city: string; incubator: { id: string } } } }>(
        subgraph,
        CREATE_PROGRAMME,
        {
          input: { incubatorId, name: 'Seedling programme', nameZh: '萌芽计划' },
        },
      );
      expect(data.createIncubationProgramme.programme).toMatchObject({ name: 'Seedling programme', city: 'Chengdu', incubator: { id: incubatorId } });
    });

    it('refuses a programme run by an organization that is not an incubator, naming its kind', async () => {
      const foundationId = await createOrganization(subgraph, { name: unique('Foundation'), kind: 'FOUNDATION' });
      const response = await subgraph.request(CREATE_PROGRAMME, { input: { incubatorId: foundationId, name: 'Not allowed' } });
      expect(failure(response)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'incubatorId' });
      expect(failure(response).message).toMatch(/only an organization of kind INCUBATOR .* is FOUNDATION/);
      const { organization } = await ok<{ organization: { incubationProgrammes: { totalCount: number } } }>(
        subgraph,
        `query($id: ID!) { organization(id: $id) { incubationProgrammes { totalCount } } }`,
        { id: foundationId },
      );
      expect(organization.incubationProgrammes.totalCount).toBe(0);
    });

    it('reports an unknown incubator as NOT_FOUND and a second programme of the same name as a CONFLICT', async () => {
      const missing = await subgraph.request(CREATE_PROGRAMME, { input: { incubatorId: '00000000-0000-4000-8000-000000000000', name: 'X' } });
      expect(failure(missing)).toMatchObject({ code: 'NOT_FOUND', field: 'incubatorId' });
      const incubatorId = await createOrganization(subgraph, { name: unique('Park'), kind: 'INCUBATOR' });
      await ok(subgraph, CREATE_PROGRAMME, { input: { incubatorId, name: 'Twice' } });
      expect(failure(await subgraph.request(CREATE_PROGRAMME, { input: { incubatorId, name: 'Twice' } }))).toMatchObject({ code: 'CONFLICT', field: 'name' });
    });

    it('creates cohorts (year from the start date by default) and refuses an end before the start, an unknown programme and a repeated name', async () => {
      const { programmeId } = await createIncubator(subgraph);
      const data = await ok<{ createIncubationCohort: { cohort: { year: number; startsOn: string; endsOn: string | null } } }>(subgraph, CREATE_COHORT, {
        input: { programmeId, name: 'Second cohort', startsOn: '2021-03-01' },
      });
      expect(data.createIncubationCohort.cohort).toMatchObject({ year: 2021, startsOn: '2021-03-01', endsOn: null });
      const backwards = await subgraph.request(CREATE_COHORT, { input: { programmeId, name: 'Backwards', startsOn: '2021-03-01', endsOn: '2021-02-01' } });
      expect(failure(backwards)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsOn' });
      const unknown = await subgraph.request(CREATE_COHORT, {
        input: { programmeId: '00000000-0000-4000-8000-000000000000', name: 'X', startsOn: '2021-03-01' },
      });
      expect(failure(unknown)).toMatchObject({ code: 'NOT_FOUND', field: 'programmeId' });
      const repeated = await subgraph.request(CREATE_COHORT, { input: { programmeId, name: 'Second cohort', startsOn: '2022-03-01' } });
      expect(failure(repeated)).toMatchObject({ code: 'CONFLICT', field: 'name' });
    });

    it('lists programmes filtered by incubator, city and name, with their cohorts earliest first', async () => {
      const name = unique('Filterable');
      const { incubatorId, programmeId } = await createIncubator(subgraph, name);
      await ok(subgraph, CREATE_COHORT, { input: { programmeId, name: 'Earlier cohort', startsOn: '2019-03-01' } });
      const data = await ok<{ incubationProgrammes: { totalCount: number; nodes: { id: string; cohorts: { nodes: { name: string }[] } }[] } }>(
        subgraph,
        `query($filter: IncubationProgrammeFilter) { incubationProgrammes(filter: $filter) { totalCount nodes { id cohorts { nodes { name } } } } }`,
        { filter: { incubatorId, city: 'chengdu', search: name.toLowerCase() } },
      );
      expect(data.incubationProgrammes.totalCount).toBe(1);
      expect(data.incubationProgrammes.nodes[0]).toEqual({ id: programmeId, cohorts: { nodes: [{ name: 'Earlier cohort' }, { name: 'First cohort' }] } });
      const byYear = await ok<{ incubationProgramme: { cohorts: { nodes: { name: string }[] } } }>(
        subgraph,
        `query($id: ID!) { incubationProgramme(id: $id) { cohorts(year: 2019) { nodes { name } } } }`,
        { id: programmeId },
      );
      expect(byYear.incubationProgramme.cohorts.nodes).toEqual([{ name: 'Earlier cohort' }]);
    });
  });

  describe('memberships', () => {
    it("takes an organization from APPLIED to ACTIVE to GRADUATED, shown in the cohort and in the organization's history", async () => {
      const { cohortId } = await createIncubator(subgraph);
      const organizationId = await createOrganization(subgraph, { name: unique('Grassroots'), kind: 'NGO' });
      const applied = await transition(subgraph, 'applyForIncubation', { cohortId, organizationId, appliedOn: '2020-01-15' });
      expect(applied.data!.applyForIncubation.membership).toMatchObject({ status: 'APPLIED', appliedOn: '2020-01-15', startedOn: null, supports: [] });
      const admitted = await transition(subgraph, 'admitToIncubation', { cohortId, organizationId, startedOn: '2020-03-01', supports: ['DESK', 'MENTORING'] });
      expect(admitted.data!.admitToIncubation.membership).toMatchObject({ status: 'ACTIVE', startedOn: '2020-03-01', supports: ['DESK', 'MENTORING'] });
      const graduated = await transition(subgraph, 'graduateFromIncubation', {
        cohortId,
        organizationId,
        endedOn: '2021-02-28',
        supports: ['DESK', 'MENTORING', 'SEED_FUNDING'],
      });
      expect(graduated.data!.graduateFromIncubation.membership).toMatchObject({
        status: 'GRADUATED',
        appliedOn: '2020-01-15',
        startedOn: '2020-03-01',
        endedOn: '2021-02-28',
        supports: ['DESK', 'MENTORING', 'SEED_FUNDING'],
      });

      const data = await ok<{
        incubationCohort: { members: { nodes: { status: string; organization: { id: string } }[] } };
        organization: { incubationHistory: { nodes: { status: string; cohort: { id: string; programme: { incubator: { kind: string } } } }[] } };
      }>(
        subgraph,
        `query($cohortId: ID!, $organizationId: ID!) {
          incubationCohort(id: $cohortId) { members { nodes { status organization { id } } } }
          organization(id: $organizationId) { incubationHistory { nodes { status cohort { id programme { incubator { kind } } } } } }
        }`,
        { cohortId, organizationId },
      );
      expect(data.incubationCohort.members.nodes).toEqual([{ status: 'GRADUATED', organization: { id: organizationId } }]);
      expect(data.organization.incubationHistory.nodes).toEqual([
        { status: 'GRADUATED', cohort: { id: cohortId, programme: { incubator: { kind: 'INCUBATOR' } } } },
      ]);
    });

    it('admits an organization directly, without an application', async () => {
      const { cohortId } = await createIncubator(subgraph);
      const organizationId = await createOrganization(subgraph, { name: unique('Direct'), kind: 'NGO' });
      const admitted = await transition(subgraph, 'admitToIncubation', { cohortId, organizationId, startedOn: '2020-04-01' });
      expect(admitted.data!.admitToIncubation.membership).toMatchObject({ status: 'ACTIVE', appliedOn: '2020-04-01', startedOn: '2020-04-01' });
    });

    it('refuses to graduate an organization that was never admitted, with a CONFLICT saying so, and changes nothing', async () => {
      const { cohortId } = await createIncubator(subgraph);
      const [stranger, applicant] = await createOrganizations(subgraph, [
        { name: unique('Stranger'), kind: 'NGO' },
        { name: unique('Applicant'), kind: 'NGO' },
      ]);
      const never = await transition(subgraph, 'graduateFromIncubation', { cohortId, organizationId: stranger });
      expect(failure(never)).toMatchObject({ code: 'CONFLICT', field: 'organizationId' });
      expect(failure(never).message).toMatch(/was never admitted: it has no membership\. Admit it/);

      await transition(subgraph, 'applyForIncubation', { cohortId, organizationId: applicant });
      const onlyApplied = await transition(subgraph, 'graduateFromIncubation', { cohortId, organizationId: applicant });
      expect(failure(onlyApplied)).toMatchObject({ code: 'CONFLICT', field: 'organizationId' });
      expect(failure(onlyApplied).message).toMatch(/was never admitted: it has only applied/);

      const data = await ok<{ incubationCohort: { members: { nodes: { status: string; organization: { id: string } }[] } } }>(
        subgraph,
        `query($id: ID!) { incubationCohort(id: $id) { members { nodes { status organization { id } } } } }`,
        { id: cohortId },
      );
      expect(data.incubationCohort.members.nodes).toEqual([{ status: 'APPLIED', organization: { id: applicant } }]);
    });

    it('lets an applicant or an active member withdraw, and nobody else', async () => {
      const { cohortId } = await createIncubator(subgraph);
      const [applicant, member, graduate] = await createOrganizations(
        subgraph,
        ['A', 'B', 'C'].map((x) => ({ name: unique(`Withdrawing ${x}`), kind: 'NGO' })),
      );
      await transition(subgraph, 'applyForIncubation', { cohortId, organizationId: applicant, appliedOn: '2020-01-01' });
      const left = await transition(subgraph, 'withdrawFromIncubation', { cohortId, organizationId: applicant, endedOn: '2020-02-01' });
      expect(left.data!.withdrawFromIncubation.membership).toMatchObject({ status: 'LEFT', startedOn: null, endedOn: '2020-02-01' });

      await transition(subgraph, 'admitToIncubation', { cohortId, organizationId: member, startedOn: '2020-03-01' });
      const memberLeft = await transition(subgraph, 'withdrawFromIncubation', { cohortId, organizationId: member, endedOn: '2020-06-30' });
      expect(memberLeft.data!.withdrawFromIncubation.membership).toMatchObject({ status: 'LEFT', startedOn: '2020-03-01', endedOn: '2020-06-30' });

      await transition(subgraph, 'admitToIncubation', { cohortId, organizationId: graduate, startedOn: '2020-03-01' });
      await transition(subgraph, 'graduateFromIncubation', { cohortId, organizationId: graduate, endedOn: '2021-02-28' });
      expect(failure(await transition(subgraph, 'withdrawFromIncubation', { cohortId, organizationId: graduate }))).toMatchObject({ code: 'CONFLICT' });
      expect(failure(await transition(subgraph, 'withdrawFromIncubation', { cohortId, organizationId: applicant }))).toMatchObject({ code: 'CONFLICT' });
      expect(failure(await transition(subgraph, 'graduateFromIncubation', { cohortId, organizationId: member })).message).toMatch(
        /is LEFT; only an ACTIVE member graduates/,
      );
    });

    it('refuses a second application, a second admission and re-admitting a graduate', async () => {
      const { cohortId } = await createIncubator(subgraph);
      const organizationId = await createOrganization(subgraph, { name: unique('Eager'), kind: 'NGO' });
      await transition(subgraph, 'applyForIncubation', { cohortId, organizationId });
      expect(failure(await transition(subgraph, 'applyForIncubation', { cohortId, organizationId }))).toMatchObject({ code: 'CONFLICT' });
      await transition(subgraph, 'admitToIncubation', { cohortId, organizationId, startedOn: daysFromToday(0) });
      expect(failure(await transition(subgraph, 'admitToIncubation', { cohortId, organizationId })).message).toMatch(/is already ACTIVE/);
    });

    it('refuses dates that do not fit: before the cohort starts, after it ends, an end before the start, an end in the future', async () => {
      const { cohortId } = await createIncubator(subgraph, unique('Dated incubator'), { endsOn: '2021-02-28' });
      const organizationId = await createOrganization(subgraph, { name: unique('Dated'), kind: 'NGO' });
      expect(failure(await transition(subgraph, 'admitToIncubation', { cohortId, organizationId, startedOn: '2020-01-01' }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'startedOn',
      });
      expect(failure(await transition(subgraph, 'admitToIncubation', { cohortId, organizationId, startedOn: '2021-06-01' }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'startedOn',
      });
      expect(failure(await transition(subgraph, 'applyForIncubation', { cohortId, organizationId, appliedOn: daysFromToday(3) }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'appliedOn',
      });
      expect(failure(await transition(subgraph, 'applyForIncubation', { cohortId, organizationId }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'appliedOn',
      });
      await transition(subgraph, 'admitToIncubation', { cohortId, organizationId, startedOn: '2020-05-01' });
      expect(failure(await transition(subgraph, 'graduateFromIncubation', { cohortId, organizationId, endedOn: '2020-04-30' }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'endedOn',
      });
      expect(failure(await transition(subgraph, 'graduateFromIncubation', { cohortId, organizationId, endedOn: daysFromToday(3) }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'endedOn',
      });
    });

    it('refuses an incubator in its own cohort, and names unknown cohorts and organizations', async () => {
      const { incubatorId, cohortId } = await createIncubator(subgraph);
      expect(failure(await transition(subgraph, 'applyForIncubation', { cohortId, organizationId: incubatorId }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'organizationId',
      });
      expect(failure(await transition(subgraph, 'admitToIncubation', { cohortId, organizationId: incubatorId }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'organizationId',
      });
      const nobody = '00000000-0000-4000-8000-000000000000';
      expect(failure(await transition(subgraph, 'applyForIncubation', { cohortId: nobody, organizationId: incubatorId }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'cohortId',
      });
      expect(failure(await transition(subgraph, 'applyForIncubation', { cohortId, organizationId: nobody }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'organizationId',
      });
      expect(failure(await transition(subgraph, 'applyForIncubation', { cohortId: 'not-a-uuid', organizationId: nobody }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'cohortId',
      });
    });

    it("filters a cohort's members and an organization's history by status", async () => {
      const { cohortId } = await createIncubator(subgraph);
      const [a, b] = await createOrganizations(subgraph, [
        { name: unique('Filter A'), kind: 'NGO' },
        { name: unique('Filter B'), kind: 'NGO' },
      ]);
      await transition(subgraph, 'applyForIncubation', { cohortId, organizationId: a, appliedOn: '2020-01-01' });
      await transition(subgraph, 'admitToIncubation', { cohortId, organizationId: b, startedOn: '2020-03-01' });
      const data = await ok<{ incubationCohort: { active: { nodes: { organization: { id: string } }[] }; all: { totalCount: number } } }>(
        subgraph,
        `query($id: ID!) { incubationCohort(id: $id) { active: members(statuses: [ACTIVE]) { nodes { organization { id } } } all: members { totalCount } } }`,
        { id: cohortId },
      );
      expect(data.incubationCohort.active.nodes).toEqual([{ organization: { id: b } }]);
      expect(data.incubationCohort.all.totalCount).toBe(2);
    });
  });

  describe('status rules', () => {
    const statuses: (IncubationStatus | null)[] = [null, ...Object.values(IncubationStatus)];
    const allowed: Record<IncubationAction, [IncubationStatus | null, IncubationStatus][]> = {
      apply: [[null, IncubationStatus.APPLIED]],
      admit: [
        [null, IncubationStatus.ACTIVE],
        [IncubationStatus.APPLIED, IncubationStatus.ACTIVE],
      ],
      graduate: [[IncubationStatus.ACTIVE, IncubationStatus.GRADUATED]],
      withdraw: [
        [IncubationStatus.APPLIED, IncubationStatus.LEFT],
        [IncubationStatus.ACTIVE, IncubationStatus.LEFT],
      ],
    };

    it.each(Object.keys(INCUBATION_TRANSITIONS) as IncubationAction[])('%s moves only from the statuses of the transition table', (action) => {
      for (const current of statuses) {
        const expected = allowed[action].find(([from]) => from === current)?.[1];
        const attempt = () => nextIncubationStatus(action, current, { organization: 'Org', cohort: 'Cohort' });
        if (expected) expect(attempt()).toBe(expected);
        else expect(attempt).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'CONFLICT' }) }));
      }
    });
  });

  describe('concurrent transitions', () => {
    it('admits an applicant once when ten admissions race', async () => {
      const { cohortId } = await createIncubator(subgraph);
      const organizationId = await createOrganization(subgraph, { name: unique('Raced'), kind: 'NGO' });
      await transition(subgraph, 'applyForIncubation', { cohortId, organizationId, appliedOn: '2020-01-01' });
      const results = await Promise.all(
        Array.from({ length: 10 }, () => transition(subgraph, 'admitToIncubation', { cohortId, organizationId, startedOn: '2020-03-01' })),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors).map((r) => failure(r).code)).toEqual(Array(9).fill('CONFLICT'));
    });

    it('lets one of a graduation and a withdrawal racing on the same member win, and the other see it', async () => {
      const { cohortId } = await createIncubator(subgraph);
      const organizationIds = await createOrganizations(
        subgraph,
        Array.from({ length: 5 }, (_, i) => ({ name: unique(`Race ${i}`), kind: 'NGO' })),
      );
      for (const organizationId of organizationIds) await transition(subgraph, 'admitToIncubation', { cohortId, organizationId, startedOn: '2020-03-01' });
      const results = await Promise.all(
        organizationIds.flatMap((organizationId) => [
          transition(subgraph, 'graduateFromIncubation', { cohortId, organizationId, endedOn: '2021-02-28' }),
          transition(subgraph, 'withdrawFromIncubation', { cohortId, organizationId, endedOn: '2020-12-31' }),
        ]),
      );
      for (let i = 0; i < organizationIds.length; i++) {
        const [graduate, withdraw] = results.slice(i * 2, i * 2 + 2);
        expect([graduate.errors, withdraw.errors].filter(Boolean)).toHaveLength(1);
        expect(failure(graduate.errors ? graduate : withdraw).code).toBe('CONFLICT');
      }
      const data = await ok<{ incubationCohort: { members: { nodes: { status: string; endedOn: string }[] } } }>(
        subgraph,
        `query($id: ID!) { incubationCohort(id: $id) { members { nodes { status endedOn } } } }`,
        { id: cohortId },
      );
      for (const member of data.incubationCohort.members.nodes) {
        expect([
          { status: 'GRADUATED', endedOn: '2021-02-28' },
          { status: 'LEFT', endedOn: '2020-12-31' },
        ]).toContainEqual(member);
      }
    });

    it('records one application when the same organization applies five times at once', async () => {
      const { cohortId } = await createIncubator(subgraph);
      const organizationId = await createOrganization(subgraph, { name: unique('Impatient'), kind: 'NGO' });
      const results = await Promise.all(Array.from({ length: 5 }, () => transition(subgraph, 'applyForIncubation', { cohortId, organizationId })));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors).every((r) => failure(r).code === 'CONFLICT')).toBe(true);
    });
  });

  describe('SQL statements', () => {
    /** `count` incubators, each with a programme of two cohorts of three members; returns the search prefix of their programmes. */
    async function buildIncubators(count: number): Promise<{ prefix: string; members: string[] }> {
      const prefix = unique('Sqlcount');
      const incubators = await createOrganizations(
        subgraph,
        Array.from({ length: count }, (_, i) => ({ name: `${prefix} incubator ${i}`, kind: 'INCUBATOR' })),
      );
      const programmes = await mutateAll<{ programme: { id: string } }>(
        subgraph,
        'createIncubationProgramme',
        'CreateIncubationProgrammeInput',
        'programme { id }',
        incubators.map((incubatorId, i) => ({ incubatorId, name: `${prefix} programme ${String(i).padStart(2, '0')}` })),
      );
      const cohorts = await mutateAll<{ cohort: { id: string } }>(
        subgraph,
        'createIncubationCohort',
        'CreateIncubationCohortInput',
        'cohort { id }',
        programmes.flatMap(({ programme }) => ['A', 'B'].map((name, i) => ({ programmeId: programme.id, name, startsOn: `202${i}-01-01` }))),
      );
      const members = await createOrganizations(
        subgraph,
        Array.from({ length: cohorts.length * 3 }, (_, i) => ({ name: `${prefix} member ${i}`, kind: 'NGO' })),
      );
      await mutateAll(
        subgraph,
        'admitToIncubation',
        'AdmitToIncubationInput',
        'membership { id }',
        members.map((organizationId, i) => ({ cohortId: cohorts[Math.floor(i / 3)].cohort.id, organizationId, startedOn: '2021-06-01', supports: ['DESK'] })),
      );
      return { prefix, members };
    }

    const PROGRAMMES = `query($search: String!) {
      incubationProgrammes(filter: { search: $search }, first: 50) {
        nodes { name incubator { name } cohorts { nodes { name members { nodes { status supports organization { name } cohort { name } } } } } }
      }
    }`;

    it('lists programmes with cohorts with members with the same statements for 2 and for 20 programmes', async () => {
      const small = await buildIncubators(2);
      const large = await buildIncubators(20);
      const costs: number[] = [];
      for (const [{ prefix }, expected] of [
        [small, 2],
        [large, 20],
      ] as const) {
        costs.push(
          await statementsDuring(subgraph, async () => {
            const data = await ok<{ incubationProgrammes: { nodes: { cohorts: { nodes: { members: { nodes: unknown[] } }[] } }[] } }>(subgraph, PROGRAMMES, {
              search: prefix,
            });
            expect(data.incubationProgrammes.nodes).toHaveLength(expected);
            for (const programme of data.incubationProgrammes.nodes) {
              expect(programme.cohorts.nodes.map((c) => c.members.nodes.length)).toEqual([3, 3]);
            }
          }),
        );
      }
      expect(costs[1]).toBe(costs[0]);
      expect(costs[0]).toBeLessThanOrEqual(10);
    });

    it('reads the incubation history of 2 and of 20 organizations with the same statements', async () => {
      const { members } = await buildIncubators(10);
      const query = `query($ids: [ID!]) { organizations(filter: { ids: $ids }, first: 50) { nodes { name incubationHistory { nodes { status cohort { name programme { name incubator { name } } } } } } } }`;
      const costs: number[] = [];
      for (const ids of [members.slice(0, 2), members.slice(0, 20)]) {
        costs.push(
          await statementsDuring(subgraph, async () => {
            const data = await ok<{ organizations: { nodes: { incubationHistory: { nodes: unknown[] } }[] } }>(subgraph, query, { ids });
            expect(data.organizations.nodes).toHaveLength(ids.length);
            for (const organization of data.organizations.nodes) expect(organization.incubationHistory.nodes).toHaveLength(1);
          }),
        );
      }
      expect(costs[1]).toBe(costs[0]);
    });
  });

  describe('the seeded Service Park', () => {
    it('has a programme run by the park with a first cohort of 15 organizations (2012), all still in incubation when the article was written', async () => {
      const data = await ok<{
        incubationProgrammes: {
          nodes: {
            name: string;
            incubator: { name: string };
            cohorts: { nodes: { name: string; year: number; members: { totalCount: number; nodes: { status: string; organization: { city: string } }[] } }[] };
          }[];
        };
      }>(
        subgraph,
        `{ incubationProgrammes(filter: { search: "服务园" }) { nodes { name incubator { name } cohorts { nodes { name year members(first: 20) { totalCount nodes { status organization { city } } } } } } } }`,
      );
      const [programme] = data.incubationProgrammes.nodes;
      expect(programme.incubator.name).toBe('Chengdu NGO Service Park');
      const [cohort] = programme.cohorts.nodes;
      expect(cohort).toMatchObject({ name: 'First cohort (第一期)', year: 2012 });
      expect(cohort.members.totalCount).toBe(15);
      expect(new Set(cohort.members.nodes.map((m) => m.organization.city))).toEqual(new Set(['Chengdu']));
      expect(cohort.members.nodes.filter((m) => m.status === 'ACTIVE')).toHaveLength(15);
    });

    it("has NPI's incubation programme in Shanghai", async () => {
      const data = await ok<{ organizations: { nodes: { incubationProgrammes: { nodes: { city: string; nameZh: string }[] } }[] } }>(
        subgraph,
        `{ organizations(filter: { search: "NPI (Non-Profit" }) { nodes { incubationProgrammes { nodes { city nameZh } } } } }`,
      );
      expect(data.organizations.nodes[0].incubationProgrammes.nodes).toEqual([{ city: 'Shanghai', nameZh: '恩派公益孵化器（上海）' }]);
    });
  });
});
