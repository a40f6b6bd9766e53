import { encodeCursor } from '@ngo-hub/kit';
import type { TestSubgraph } from '@ngo-hub/kit/testing';
import { startPeopleWithOrganizations, type PeopleWithOrganizations, type Request } from './harness';
import { apply, CLOSE, createPerson, daysFromToday, postJob, WITHDRAW } from './talent-market';

type Explained = { score: number; matchedSkills: string[]; sameCity: boolean; qualificationMet: boolean };
type Candidates = {
  jobPosting: {
    suggestedCandidates: { totalCount: number; nodes: (Explained & { person: { name: string } })[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
  };
};
type Postings = { person: { suggestedPostings: { totalCount: number; nodes: (Explained & { posting: { title: string } })[] } } };

const CANDIDATES = `query($id: ID!, $first: Int, $after: String) { jobPosting(id: $id) { suggestedCandidates(first: $first, after: $after) {
  totalCount nodes { score matchedSkills sameCity qualificationMet person { name } } pageInfo { hasNextPage endCursor } } } }`;
const POSTINGS = `query($id: ID!) { person(id: $id) { suggestedPostings { totalCount nodes { score matchedSkills sameCity qualificationMet posting { title } } } } }`;

const CITY = 'Matchford';
const [ALPHA, BETA, GAMMA] = ['Matchskill Alpha', 'Matchskill Beta', 'Matchskill Gamma'];

describe('matching people and postings', () => {
  let hub: PeopleWithOrganizations;
  let subgraph: TestSubgraph;
  let request: Request;
  let organizationId: string;
  let posting: string;
  const people: Record<string, string> = {};
  beforeAll(async () => {
    hub = await startPeopleWithOrganizations();
    subgraph = hub.people;
    request = hub.request;
    organizationId = await hub.createOrganization('Matching Test NGO');
    posting = (
      await postJob(request, {
        organizationId,
        title: 'Match officer',
        kind: 'FULL_TIME',
        city: CITY,
        skills: [ALPHA, BETA, GAMMA],
        minimumQualification: 'SOCIAL_WORKER',
      })
    ).id;
    const candidates: Record<string, Record<string, unknown>> = {
      A: { city: 'MATCHFORD', skills: ['matchskill alpha', 'MATCHSKILL BETA'], qualifications: [{ level: 'SOCIAL_WORKER' }] },
      B: { city: 'Elsewhere', skills: [GAMMA, BETA, ALPHA], qualifications: [{ level: 'SENIOR_SOCIAL_WORKER' }] },
      C: { city: CITY },
      D: { city: 'Elsewhere', skills: [GAMMA], qualifications: [{ level: 'ASSISTANT_SOCIAL_WORKER' }] },
      Private: { city: CITY, skills: [ALPHA], visibility: 'PRIVATE' },
      Partners: { city: 'Elsewhere', skills: [BETA], visibility: 'PARTNERS', qualifications: [{ level: 'SOCIAL_WORKER' }] },
      Settled: { city: CITY, skills: [ALPHA], openToWork: false },
      Unrelated: { city: 'Elsewhere', skills: ['Matchskill Omega'] },
      Applicant: { city: CITY, skills: [ALPHA] },
    };
    for (const [name, fields] of Object.entries(candidates)) people[name] = await createPerson(request, { name: `Match ${name}`, openToWork: true, ...fields });
  });
  afterAll(() => hub?.stop());

  const candidatesOf = async (id: string, args: Record<string, unknown> = {}) => {
    const { data, errors } = await request<Candidates>(CANDIDATES, { id, first: 100, ...args });
    expect(errors).toBeUndefined();
    return data!.jobPosting.suggestedCandidates;
  };

  it('ranks open-to-work people by shared skills ignoring case, same city and qualification met, and explains each score', async () => {
    const applicationId = await apply(request, posting, people.Applicant);
    const { nodes, totalCount } = await candidatesOf(posting);
    expect(nodes).toEqual([
      { person: { name: 'Match B' }, score: 7, matchedSkills: [ALPHA, BETA, GAMMA], sameCity: false, qualificationMet: true },
      { person: { name: 'Match A' }, score: 6, matchedSkills: [ALPHA, BETA], sameCity: true, qualificationMet: true },
      { person: { name: 'Match Partners' }, score: 3, matchedSkills: [BETA], sameCity: false, qualificationMet: true },
      { person: { name: 'Match D' }, score: 2, matchedSkills: [GAMMA], sameCity: false, qualificationMet: false },
      { person: { name: 'Match C' }, score: 1, matchedSkills: [], sameCity: true, qualificationMet: false },
    ]);
    expect(totalCount).toBe(5);
    // once the application is withdrawn, the applicant is a candidate again
    await request(WITHDRAW, { id: applicationId });
    expect((await candidatesOf(posting)).nodes.map((n) => n.person.name)).toContain('Match Applicant');
  });

  it('pages through suggestions best first with cursors, and refuses cursors it did not give out', async () => {
    const all = (await candidatesOf(posting)).nodes.map((n) => n.person.name);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { nodes: { person: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = await candidatesOf(posting, {
        first: 2,
        after,
      });
      seen.push(...page.nodes.map((n) => n.person.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    for (const forged of ['garbage', encodeCursor('high', people.A), encodeCursor(3, 'not-a-uuid')]) {
      const { errors } = await request(CANDIDATES, { id: posting, after: forged });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
    expect((await request(CANDIDATES, { id: posting, first: 101 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('suggests to a person the postings taking applications today, best first, leaving out those applied to', async () => {
    const otherOrganization = await hub.createOrganization('Matching Second NGO');
    const post = (fields: Record<string, unknown>) => postJob(request, { organizationId: otherOrganization, kind: 'PART_TIME', ...fields });
    await post({ title: 'Match same city', city: CITY, skills: [BETA] });
    await post({ title: 'Match remote senior', remote: true, skills: [ALPHA, 'Matchskill Delta'], minimumQualification: 'SENIOR_SOCIAL_WORKER' });
    await post({ title: 'Match later', city: CITY, skills: [ALPHA], opensOn: daysFromToday(3) });
    await post({ title: 'Match draft', city: CITY, skills: [ALPHA], draft: true });
    const closed = await post({ title: 'Match closed', city: CITY, skills: [ALPHA] });
    await request(CLOSE, { id: closed.id });
    const applied = await post({ title: 'Match applied', city: CITY, skills: [ALPHA, BETA] });
    await apply(request, applied.id, people.A);

    const { data, errors } = await request<Postings>(POSTINGS, { id: people.A });
    expect(errors).toBeUndefined();
    expect(data!.person.suggestedPostings).toEqual({
      totalCount: 3,
      nodes: [
        { posting: { title: 'Match officer' }, score: 6, matchedSkills: [ALPHA, BETA], sameCity: true, qualificationMet: true },
        { posting: { title: 'Match same city' }, score: 4, matchedSkills: [BETA], sameCity: true, qualificationMet: true },
        { posting: { title: 'Match remote senior' }, score: 2, matchedSkills: [ALPHA], sameCity: false, qualificationMet: false },
      ],
    });
  });

  it('suggests nothing to a person sharing neither skills nor city, and suggests through federation references too', async () => {
    const lonely = await createPerson(request, { name: 'Match Lonely', city: 'Nowhere Special', skills: ['Matchskill Nothing'] });
    expect((await request<Postings>(POSTINGS, { id: lonely })).data!.person.suggestedPostings).toEqual({ totalCount: 0, nodes: [] });
    const { data, errors } = await request<{ _entities: { suggestedPostings: { totalCount: number } }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { suggestedPostings { totalCount } } } }`,
      { r: [{ __typename: 'Person', id: people.A }] },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities[0].suggestedPostings.totalCount).toBeGreaterThan(0);
  });

  it('computes suggestions for 20 postings or 20 people in as many SQL statements as for 2', async () => {
    const city = 'Suggestcount';
    for (let i = 0; i < 20; i++) {
      await postJob(request, { organizationId, title: `Suggest ${String(i).padStart(2, '0')}`, kind: 'VOLUNTEER', city, skills: ['Suggestskill'] });
      await createPerson(request, { name: `Suggest ${String(i).padStart(2, '0')}`, city, skills: ['suggestskill'], openToWork: true });
    }
    const countFor = async (query: string, first: number) => {
      const before = await subgraph.sqlStatements();
      const { data, errors } = await request<Record<string, { nodes: { suggestions: { totalCount: number; nodes: unknown[] } }[] }>>(query, { first });
      expect(errors).toBeUndefined();
      const nodes = Object.values(data!)[0].nodes;
      expect(nodes).toHaveLength(first);
      for (const node of nodes) {
        expect(node.suggestions.totalCount).toBe(20);
        expect(node.suggestions.nodes).toHaveLength(5);
      }
      return (await subgraph.sqlStatements()) - before;
    };
    const candidates = `query($first: Int!) { jobPostings(filter: { city: "${city}" }, first: $first) { nodes { suggestions: suggestedCandidates(first: 5) {
      totalCount nodes { score person { name } } } } } }`;
    const postings = `query($first: Int!) { people(filter: { city: "${city}" }, first: $first) { nodes { suggestions: suggestedPostings(first: 5) {
      totalCount nodes { score matchedSkills posting { title organization { id } } } } } } }`;
    for (const query of [candidates, postings]) {
      const forTwo = await countFor(query, 2);
      const forTwenty = await countFor(query, 20);
      expect(forTwenty).toBe(forTwo);
      // the list's rows (its total is not asked), and one statement for every parent's suggestions
      expect(forTwenty).toBe(2);
    }
  });
});
