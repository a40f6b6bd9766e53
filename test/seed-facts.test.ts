import { seedId } from '@ngo-hub/kit/testing/client';
import { gql } from './setup/hub';
import { userHeaders } from './setup/identities';

/**
 * The seed sector read through the gateway, fact by fact, against ../shared/SEED-FACTS.md (the two
 * China Development Brief articles): names in English and Chinese, dates, authorities, the
 * committee, the recognition, the purchase of services; and that no real person has a role the
 * articles do not give them.
 */
const org = (slug: string) => seedId(`org:${slug}`);
const person = (slug: string) => seedId(`person:${slug}`);

/** A page of funding flows, as seed-facts reads them. */
type FlowsPage = { fundingFlows: { nodes: { grantCount: number }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };

async function read<T>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<T> {
  const { data, errors } = await gql<T>(query, variables, headers);
  expect(errors).toBeUndefined();
  return data!;
}

type Organization = {
  name: string;
  nameZh: string | null;
  foundedOn: string | null;
  description: string | null;
  registration: { status: string; authority: string | null; registeredOn: string | null };
  provenance: { kind: string; illustrative: boolean; sourceTitle: string | null; sourcePublisher: string | null; sourceIssue: string | null };
};
const ORGANIZATION = `query($id: ID!) { organization(id: $id) { name nameZh foundedOn description registration { status authority registeredOn }
  provenance { kind illustrative sourceTitle sourcePublisher sourceIssue } } }`;
const organization = async (slug: string) => (await read<{ organization: Organization }>(ORGANIZATION, { id: org(slug) })).organization;

type Affiliations = {
  name: string;
  nameZh: string | null;
  provenance: { illustrative: boolean; sourceTitle: string | null };
  affiliations: { nodes: { role: string; title: string | null; organization: { id: string } }[] };
};
const PERSON = `query($id: ID!) { person(id: $id) { name nameZh provenance { illustrative sourceTitle } affiliations(first: 100) { nodes { role title organization { id } } } } }`;
const personOf = async (slug: string) => (await read<{ person: Affiliations | null }>(PERSON, { id: person(slug) })).person;

const WIN_WIN = 'A Win-Win Situation: The Chengdu NGO Service Park (在磨合中共赢)';

describe('the seed sector, as the two source articles tell it', () => {
  it('names SowosSky as the source does: 青翼社会工作人才服务中心, begun as the 2003 website 青翼社会工作网 by Li Zhaowei', async () => {
    const sowossky = await organization('sowossky');
    expect(sowossky).toMatchObject({ name: 'SowosSky', nameZh: '青翼社会工作人才服务中心' });
    expect(sowossky.description).toContain('青翼社会工作网');
    expect(sowossky.description).toContain('2003');
    expect(sowossky.description).toContain('Li Zhaowei');
    expect(sowossky.provenance).toMatchObject({
      kind: 'SEED',
      illustrative: false,
      sourceTitle: 'SowosSky (NGO profile)',
      sourcePublisher: 'China Development Brief',
    });
  });

  it("admits SowosSky to NPI's incubation in September 2008 and registers it in December 2009 at the Pudong Civil Affairs Bureau", async () => {
    const sowossky = await organization('sowossky');
    expect(sowossky.foundedOn).toBe('2008-09-01');
    expect(sowossky.registration).toEqual({ status: 'REGISTERED', authority: 'Pudong Civil Affairs Bureau', registeredOn: '2009-12-01' });
    const { history } = await read<{
      history: { incubationHistory: { nodes: { startedOn: string; cohort: { programme: { incubator: { id: string } } } }[] } };
    }>(`query($id: ID!) { history: organization(id: $id) { incubationHistory { nodes { startedOn cohort { programme { incubator { id } } } } } } }`, {
      id: org('sowossky'),
    });
    expect(history.incubationHistory.nodes).toEqual([{ startedOn: '2008-09-01', cohort: { programme: { incubator: { id: org('npi') } } } }]);
  });

  it('gives Li Zhaowei only the founding of SowosSky, and no Chinese name', async () => {
    expect(await personOf('li-zhaowei')).toEqual({
      name: 'Li Zhaowei',
      nameZh: null,
      provenance: { illustrative: false, sourceTitle: 'SowosSky (NGO profile)' },
      affiliations: { nodes: [{ role: 'FOUNDER', title: 'Founder', organization: { id: org('sowossky') } }] },
    });
  });

  it("records the camp's 2009 recognition by the British Embassy (the British Council) and the YouChange China Social Entrepreneur Foundation", async () => {
    const { course } = await read<{
      course: { title: string; recognitions: { year: number; title: string; awardedBy: string }[]; offeredBy: { id: string }[] };
    }>(`query($id: ID!) { course(id: $id) { title recognitions { year title awardedBy } offeredBy { id } } }`, { id: seedId('course:spread-your-wings') });
    expect(course.title).toBe('"Spread Your Wings" Training Camp');
    expect(course.offeredBy).toEqual([{ id: org('sowossky') }]);
    expect(course.recognitions).toEqual([
      {
        year: 2009,
        title: 'Social entrepreneur project with the most potential',
        awardedBy: 'British Embassy (the British Council) and the YouChange China Social Entrepreneur Foundation (友成企业家基金会)',
      },
    ]);
  });

  it('opens the Chengdu NGO Service Park in 2012 on Zirui North Street (紫瑞北街), with a first group of 15 NGOs of which only SpinaChina is real', async () => {
    const park = await organization('chengdu-ngo-service-park');
    expect(park).toMatchObject({ name: 'Chengdu NGO Service Park', nameZh: '成都公益组织服务园', foundedOn: '2012-01-01' });
    expect(park.description).toContain('Zirui North Street (紫瑞北街)');
    expect(park.provenance).toMatchObject({ kind: 'SEED', illustrative: false, sourceTitle: WIN_WIN, sourceIssue: 'No. 56, Winter 2012' });
    const { cohort } = await read<{
      cohort: { year: number; members: { totalCount: number; nodes: { organization: { id: string; name: string; provenance: { illustrative: boolean } } }[] } };
    }>(
      `query($id: ID!) { cohort: incubationCohort(id: $id) { year members(first: 50) { totalCount nodes { organization { id name provenance { illustrative } } } } } }`,
      { id: seedId('incubation-cohort:chengdu-ngo-service-park-incubation:first-cohort') },
    );
    expect(cohort.year).toBe(2012);
    expect(cohort.members.totalCount).toBe(15);
    const real = cohort.members.nodes.filter((m) => !m.organization.provenance.illustrative).map((m) => m.organization.name);
    expect(real).toEqual(['SpinaChina']);
  });

  it("seats six on the Park's committee: Xu Qizhi 徐启智, Guo Hong 郭虹 and four unnamed experts marked illustrative", async () => {
    const { park } = await read<{
      park: {
        advisoryCommittee: {
          totalCount: number;
          nodes: { person: { id: string; name: string; nameZh: string | null; provenance: { illustrative: boolean } } }[];
        };
      };
    }>(
      `query($id: ID!) { park: organization(id: $id) { advisoryCommittee(first: 20) { totalCount nodes { person { id name nameZh provenance { illustrative } } } } } }`,
      { id: org('chengdu-ngo-service-park') },
    );
    expect(park.advisoryCommittee.totalCount).toBe(6);
    const members = park.advisoryCommittee.nodes.map((n) => n.person);
    expect(
      members
        .filter((p) => !p.provenance.illustrative)
        .map((p) => `${p.name} ${p.nameZh}`)
        .sort(),
    ).toEqual(['Guo Hong 郭虹', 'Xu Qizhi 徐启智']);
    expect(members.filter((p) => p.provenance.illustrative)).toHaveLength(4);
    expect(members.map((p) => p.id)).not.toContain(person('lu-zhao'));
  });

  it('gives each real person the articles name exactly the roles they state, and seeds nobody the articles do not name', async () => {
    const committee = { role: 'ADVISOR', title: 'Advisory committee member', organization: { id: org('chengdu-ngo-service-park') } };
    const roles = async (slug: string) => (await personOf(slug))!.affiliations.nodes;
    expect(await roles('xu-qizhi')).toEqual([committee]);
    expect((await roles('guo-hong')).sort((a, b) => a.role.localeCompare(b.role))).toEqual([
      committee,
      { role: 'DIRECTOR', title: 'Director of the Sociology Institute', organization: { id: org('sichuan-academy-of-social-sciences') } },
    ]);
    expect(await roles('sun-hongwei')).toEqual([{ role: 'FOUNDER', title: 'Founder', organization: { id: org('spinachina') } }]);
    // NPI's founder is a real person the articles never mention; the old seed's placeholder SowosSky founder is gone
    expect(await personOf('lu-zhao')).toBeNull();
    expect(await personOf('sowossky-founder')).toBeNull();
    const { members } = await read<{ members: { people: { nodes: { person: { id: string; provenance: { illustrative: boolean } } }[] } } }>(
      `query($id: ID!) { members: organization(id: $id) { people(first: 50) { nodes { person { id provenance { illustrative } } } } } }`,
      { id: org('npi') },
    );
    expect(members.people.nodes.every((n) => n.person.provenance.illustrative)).toBe(true);
  });

  it('has SpinaChina (推动力公益发展中心), founded by Sun Hongwei 孙洪伟, registered in May 2012 in the Chengdu High Technology Zone', async () => {
    const spinachina = await organization('spinachina');
    expect(spinachina).toMatchObject({ name: 'SpinaChina', nameZh: '推动力公益发展中心' });
    expect(spinachina.registration).toEqual({ status: 'REGISTERED', authority: 'Chengdu High Technology Zone', registeredOn: '2012-05-01' });
    expect(spinachina.description).toContain('spina bifida');
    expect(await personOf('sun-hongwei')).toMatchObject({ name: 'Sun Hongwei', nameZh: '孙洪伟' });
  });

  it('registers the Chengdu Social Organization Development Foundation in June 2012', async () => {
    expect(await organization('chengdu-social-organization-development-foundation')).toMatchObject({
      nameZh: '成都社会组织发展基金会',
      registration: { status: 'REGISTERED', registeredOn: '2012-06-01' },
    });
  });

  it("holds the October 2012 coordination events with the Shuangliu County Disabled Persons' Federation (双流县残联)", async () => {
    const shuangliu = await organization('shuangliu-county-disabled-persons-federation');
    expect(shuangliu).toMatchObject({ name: "Shuangliu County Disabled Persons' Federation", nameZh: '双流县残联' });
    expect(shuangliu.description).toContain('October 2012');
  });

  it('runs the supervisors course with SWUFE (西南财经大学) and the Taiwan Red Cross (台湾红十字会), funded from Taiwan, taught weekly by an instructor from Taiwan', async () => {
    const { course } = await read<{
      course: { titleZh: string; description: string; offeredBy: { name: string; nameZh: string }[]; sessions: { nodes: { instructor: { id: string } }[] } };
    }>(`query($id: ID!) { course(id: $id) { titleZh description offeredBy { name nameZh } sessions(first: 100) { nodes { instructor { id } } } } }`, {
      id: seedId('course:chengdu-senior-supervisors'),
    });
    expect(course.titleZh).toBe('高级社工督导班');
    expect(course.offeredBy.map((o) => o.nameZh)).toEqual(['成都公益组织服务园', '西南财经大学', '台湾红十字会']);
    expect(course.description).toMatch(/funded from Taiwan/);
    expect(course.description).toMatch(/over 20 years/);
    expect(course.description).toMatch(/every week/);
    expect(new Set(course.sessions.nodes.map((s) => s.instructor.id))).toEqual(new Set([person('advisor-taiwan-supervisor')]));
  });

  it("states Chengdu's purchase of services as 160 million RMB to 59 projects, with every example project marked illustrative", async () => {
    const { programme } = await read<{
      programme: {
        budget: { amount: string; currency: string };
        plannedProjects: number;
        funder: { name: string };
        provenance: { illustrative: boolean; sourceIssue: string };
        grants: { nodes: { provenance: { illustrative: boolean } }[] };
      };
    }>(
      `query($id: ID!) { programme: fundingProgramme(id: $id) { budget { amount currency } plannedProjects funder { name } provenance { illustrative sourceIssue }
        grants(first: 100) { nodes { provenance { illustrative } } } } }`,
      { id: seedId('programme:chengdu-2012-purchase-of-services') },
    );
    expect(programme).toMatchObject({
      budget: { amount: '160000000.00', currency: 'CNY' },
      plannedProjects: 59,
      funder: { name: 'Chengdu Municipal Government' },
    });
    expect(programme.provenance).toEqual({ illustrative: false, sourceIssue: 'No. 56, Winter 2012' });
    expect(programme.grants.nodes.length).toBeGreaterThan(0);
    expect(programme.grants.nodes.every((g) => g.provenance.illustrative)).toBe(true);
  });

  it('lets an analyst leave out illustrative records with illustrative: false', async () => {
    const lists = await read<Record<string, { nodes: { provenance: { illustrative: boolean } }[] }>>(
      `{ organizations(first: 100, filter: { illustrative: false }) { nodes { provenance { illustrative } } }
         people(first: 100, filter: { illustrative: false }) { nodes { provenance { illustrative } } }
         grants(first: 100, filter: { illustrative: false }) { nodes { provenance { illustrative } } }
         courses(first: 100, filter: { illustrative: false }) { nodes { provenance { illustrative } } } }`,
    );
    for (const list of Object.values(lists)) expect(list.nodes.every((n) => !n.provenance.illustrative)).toBe(true);
    const { people } = await read<{ people: { nodes: { name: string }[] } }>(
      `{ people(first: 100, filter: { illustrative: false, search: "Advisory committee expert" }) { nodes { name } } }`,
    );
    expect(people.nodes).toEqual([]);
    const { organizations } = await read<{ organizations: { nodes: { name: string }[] } }>(
      `{ organizations(first: 100, filter: { illustrative: true, search: "Chengdu Community" }) { nodes { name } } }`,
    );
    expect(organizations.nodes.length).toBeGreaterThan(0);
  });

  it('says where every seeded statement comes from: incubation, ties between organizations, job postings and mentorships', async () => {
    type Provenance = { kind: string; illustrative: boolean; sourceTitle: string | null };
    const { sowossky, park } = await read<{
      sowossky: { incubationHistory: { nodes: { provenance: Provenance; cohort: { provenance: Provenance; programme: { provenance: Provenance } } }[] } };
      park: { relations: { nodes: { provenance: Provenance }[] } };
    }>(
      `query($sowossky: ID!, $park: ID!) {
        sowossky: organization(id: $sowossky) { incubationHistory(first: 10) { nodes { provenance { kind illustrative sourceTitle }
          cohort { provenance { kind illustrative sourceTitle } programme { provenance { kind illustrative sourceTitle } } } } } }
        park: organization(id: $park) { relations(first: 20) { nodes { provenance { kind illustrative sourceTitle } } } } }`,
      { sowossky: org('sowossky'), park: org('chengdu-ngo-service-park') },
    );
    const [npi] = sowossky.incubationHistory.nodes;
    const profile = { kind: 'SEED', illustrative: false, sourceTitle: 'SowosSky (NGO profile)' };
    expect(npi.provenance).toEqual(profile);
    expect(npi.cohort.provenance).toEqual(profile);
    expect(npi.cohort.programme.provenance).toEqual(profile);
    expect(park.relations.nodes.length).toBeGreaterThanOrEqual(3);
    for (const relation of park.relations.nodes) expect(relation.provenance).toEqual({ kind: 'SEED', illustrative: false, sourceTitle: WIN_WIN });

    const { cohort } = await read<{ cohort: { members: { nodes: { organization: { id: string }; provenance: Provenance }[] } } }>(
      `query($id: ID!) { cohort: incubationCohort(id: $id) { members(first: 100) { nodes { organization { id } provenance { kind illustrative sourceTitle } } } } }`,
      { id: seedId('incubation-cohort:chengdu-ngo-service-park-incubation:first-cohort') },
    );
    expect(cohort.members.nodes).toHaveLength(15);
    for (const member of cohort.members.nodes) {
      expect(member.provenance).toEqual({ kind: 'SEED', illustrative: member.organization.id !== org('spinachina'), sourceTitle: WIN_WIN });
    }

    // other tests post jobs through the API (provenance API); the seed's are all invented
    const { jobPostings, sourcedJobs } = await read<{
      jobPostings: { nodes: { provenance: Provenance }[] };
      sourcedJobs: { nodes: { provenance: Provenance }[] };
    }>(
      `{ jobPostings(first: 100, filter: { statuses: [DRAFT, OPEN, CLOSED, FILLED] }) { nodes { provenance { kind illustrative sourceTitle } } }
         sourcedJobs: jobPostings(first: 100, filter: { illustrative: false, statuses: [DRAFT, OPEN, CLOSED, FILLED] }) { nodes { provenance { kind illustrative sourceTitle } } } }`,
    );
    const seeded = jobPostings.nodes.filter((p) => p.provenance.kind === 'SEED');
    expect(seeded.length).toBeGreaterThan(0);
    expect(seeded.every((p) => p.provenance.illustrative)).toBe(true);
    expect(sourcedJobs.nodes.filter((p) => p.provenance.kind === 'SEED')).toEqual([]);
  });

  it('leaves illustrative records out of the sector map and the funding flows when asked (the dashboard\'s "sourced records only")', async () => {
    const answer = await read<{
      all: { organizationCount: number };
      sourced: { organizationCount: number; network: { nodes: { organization: { provenance: { illustrative: boolean } } }[] } };
      organizations: { totalCount: number };
    }>(
      `{ all: sectorMap { organizationCount }
         sourced: sectorMap(filter: { illustrative: false }) { organizationCount network { nodes { organization { provenance { illustrative } } } } }
         organizations(first: 1, filter: { illustrative: false }) { totalCount } }`,
    );
    expect(answer.sourced.organizationCount).toBe(answer.organizations.totalCount);
    expect(answer.sourced.organizationCount).toBeLessThan(answer.all.organizationCount);
    expect(answer.sourced.network.nodes.length).toBeGreaterThan(0);
    expect(answer.sourced.network.nodes.every((n) => !n.organization.provenance.illustrative)).toBe(true);
    // every flow, page by page: other tests' grants make more flows than one page holds
    const grants = async (filter: Record<string, unknown>) => {
      let total = 0;
      for (let after: string | null = null; ;) {
        const { fundingFlows }: FlowsPage = await read<FlowsPage>(
          `query($filter: FundingFlowFilter, $after: String) { fundingFlows(first: 100, after: $after, filter: $filter) { nodes { grantCount } pageInfo { hasNextPage endCursor } } }`,
          { filter, after },
        );
        total += fundingFlows.nodes.reduce((sum, flow) => sum + flow.grantCount, 0);
        if (!fundingFlows.pageInfo.hasNextPage) return total;
        after = fundingFlows.pageInfo.endCursor;
      }
    };
    const [all, sourced, invented] = [await grants({}), await grants({ illustrative: false }), await grants({ illustrative: true })];
    expect(invented).toBeGreaterThan(0);
    expect(sourced + invented).toBe(all);
  });

  it('records who wrote a record through the API, and when', async () => {
    const writer = person('npi-hub-admin');
    const before = Date.now();
    const created = await read<{
      createOrganization: { organization: { provenance: { kind: string; illustrative: boolean; recordedByPersonId: string; recordedAt: string } } };
    }>(
      `mutation { createOrganization(input: { name: "Provenance Test Group", kind: NGO }) { organization { provenance { kind illustrative recordedByPersonId recordedAt } } } }`,
      undefined,
      await userHeaders(writer, { admin: true }),
    );
    const provenance = created.createOrganization.organization.provenance;
    expect(provenance).toMatchObject({ kind: 'API', illustrative: false, recordedByPersonId: writer });
    expect(Date.parse(provenance.recordedAt)).toBeGreaterThanOrEqual(before - 5_000);
  });
});
