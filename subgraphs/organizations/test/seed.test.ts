import { createLogger, seedSubgraph, seedId } from '@ngo-hub/kit';
import { startTestSubgraph, type TestSubgraph } from '@ngo-hub/kit/testing';
import { organizationsSubgraph } from '../src';
import { SEED_ORGANIZATIONS } from '../seed/organizations.seed';
import { SERVICE_PARK_COHORT_ORGANIZATIONS } from '../seed/service-park-cohort.seed';
import { ok } from './support/fixtures';

const org = (slug: string) => seedId(`org:${slug}`);
const loadSeed = () => seedSubgraph(organizationsSubgraph, process.env.TEST_DATABASE_URL!, createLogger('seed-test', 'silent'));

describe('seed', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(organizationsSubgraph, { seed: true });
  });
  afterAll(() => subgraph.stop());

  it('writes nothing when loaded again', async () => {
    expect(await loadSeed()).toBe(0);
  });

  it('keeps the slugs other subgraphs refer to', () => {
    const slugs = SEED_ORGANIZATIONS.map((o) => o.slug);
    expect(slugs).toEqual(
      expect.arrayContaining([
        'npi',
        'npi-beijing',
        'npi-chengdu',
        'npi-shenzhen',
        'shanghai-united-foundation',
        'chengdu-ngo-service-park',
        'chengdu-social-organization-development-foundation',
        'chengdu-municipal-government',
        'pudong-civil-affairs-bureau',
        'sowossky',
        'spinachina',
        'swufe',
        'taiwan-red-cross',
        'chengdu-community-elderly-care-center',
        'chengdu-migrant-children-center',
        'chengdu-community-legal-aid',
      ]),
    );
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('marks the 14 invented cohort members as illustrative on the record and gives them English and Chinese names in Chengdu', async () => {
    expect(SERVICE_PARK_COHORT_ORGANIZATIONS).toHaveLength(14);
    const data = await ok<{
      organizations: {
        nodes: { name: string; nameZh: string; city: string; description: string; provenance: { kind: string; illustrative: boolean; sourceIssue: string } }[];
      };
    }>(
      subgraph,
      `query($ids: [ID!]) { organizations(filter: { ids: $ids }, first: 20) { nodes { name nameZh city description provenance { kind illustrative sourceIssue } } } }`,
      { ids: SERVICE_PARK_COHORT_ORGANIZATIONS.map((o) => org(o.slug)) },
    );
    expect(data.organizations.nodes).toHaveLength(14);
    for (const organization of data.organizations.nodes) {
      expect(organization.nameZh).toMatch(/[\u4e00-\u9fff]/);
      expect(organization.city).toBe('Chengdu');
      expect(organization.description).toMatch(/\(Illustrative: invented name/);
      expect(organization.provenance).toEqual({ kind: 'SEED', illustrative: true, sourceIssue: 'No. 56, Winter 2012' });
    }
  });

  it('names the source article of every organization it does not mark illustrative', async () => {
    const data = await ok<{
      organizations: {
        nodes: { name: string; provenance: { kind: string; illustrative: boolean; sourceTitle: string | null; sourcePublisher: string | null } }[];
      };
    }>(
      subgraph,
      `query($ids: [ID!]) { organizations(filter: { ids: $ids }, first: 50) { nodes { name provenance { kind illustrative sourceTitle sourcePublisher } } } }`,
      { ids: SEED_ORGANIZATIONS.map((o) => org(o.slug)) },
    );
    expect(data.organizations.nodes).toHaveLength(SEED_ORGANIZATIONS.length);
    const sourced = data.organizations.nodes.filter((o) => !o.provenance.illustrative);
    expect(sourced.length).toBe(SEED_ORGANIZATIONS.length - 14);
    for (const organization of sourced) {
      expect(organization.provenance.kind).toBe('SEED');
      expect(organization.provenance.sourcePublisher).toBe('China Development Brief');
      expect(organization.provenance.sourceTitle).toMatch(/SowosSky|A Win-Win Situation/);
    }
  });

  it('corrects what an earlier seed stated wrongly when loaded over it, and takes back its false statements', async () => {
    const em = subgraph.running.orm.em.fork();
    const run = (sql: string) => em.getConnection().execute(sql);
    // the old seed's statements: a wrong Chinese name, a wrong opening year, a real person as NPI's admin,
    // an operator of the Park and a bureau the sources do not give, a fifteenth invented cohort member
    await run(
      `update organizations.organization set name_zh = '社工天空', founded_on = '2009-01-01', provenance_kind = 'UNRECORDED' where id in ('${org('sowossky')}', '${org('chengdu-ngo-service-park')}')`,
    );
    await run(
      `insert into organizations.organization (id, name, kind) values ('${org('chengdu-civil-affairs-bureau')}', 'Chengdu Civil Affairs Bureau', 'GOVERNMENT_AGENCY')`,
    );
    await run(
      `insert into organizations.organization_member (id, organization_id, person_id, role) values ('${seedId('member:npi:lu-zhao')}', '${org('npi')}', '${seedId('person:lu-zhao')}', 'ADMIN')`,
    );
    await run(
      `insert into organizations.organization_relation (id, kind, from_organization_id, to_organization_id, note) values ('${seedId(`relation:npi-chengdu:PARTNER:chengdu-ngo-service-park`)}', 'PARTNER', '${org('npi-chengdu')}', '${org('chengdu-ngo-service-park')}', 'NPI Chengdu operates the Service Park')`,
    );

    expect(await loadSeed()).toBeGreaterThanOrEqual(5);

    const rows = (sql: string) => em.getConnection().execute(sql);
    expect(await rows(`select name_zh, founded_on::text as founded, provenance_kind from organizations.organization where id = '${org('sowossky')}'`)).toEqual([
      { name_zh: '青翼社会工作人才服务中心', founded: '2008-09-01', provenance_kind: 'SEED' },
    ]);
    expect(await rows(`select founded_on::text as founded from organizations.organization where id = '${org('chengdu-ngo-service-park')}'`)).toEqual([
      { founded: '2012-01-01' },
    ]);
    expect(await rows(`select id from organizations.organization where id = '${org('chengdu-civil-affairs-bureau')}'`)).toEqual([]);
    expect(await rows(`select person_id from organizations.organization_member where organization_id = '${org('npi')}'`)).toEqual([
      { person_id: seedId('person:npi-hub-admin') },
    ]);
    expect(await rows(`select id from organizations.organization_relation where from_organization_id = '${org('npi-chengdu')}' and kind = 'PARTNER'`)).toEqual(
      [],
    );
    expect(await loadSeed()).toBe(0);
  });
});
