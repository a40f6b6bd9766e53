import { seedId } from '@ngo-hub/kit';
import { startPeopleWithOrganizations, type PeopleWithOrganizations, type Request } from './harness';
import { CLOSE, createPerson, postJob, RECOMMEND } from './talent-market';

type Recommendation = {
  id: string;
  note: string;
  recommender: { id: string };
  candidate: { id: string };
  posting: { id: string } | null;
  organization: { id: string };
};

describe('recommendations', () => {
  let hub: PeopleWithOrganizations;
  let request: Request;
  let organizationId: string;
  let mentor: string;
  beforeAll(async () => {
    hub = await startPeopleWithOrganizations();
    request = hub.request;
    organizationId = await hub.createOrganization('Recommendations Test NGO');
    mentor = await createPerson(request, { name: 'Mentor' });
  });
  afterAll(() => hub?.stop());

  const recommend = (input: Record<string, unknown>) =>
    request<{ recommendPerson: { recommendation: Recommendation } }>(RECOMMEND, { input: { recommenderId: mentor, note: 'Reliable and kind.', ...input } });
  const received = async (personId: string) => {
    const { data } = await request<{ person: { recommendations: { totalCount: number; nodes: { note: string; recommender: { name: string } }[] } } }>(
      `query($id: ID!) { person(id: $id) { recommendations { totalCount nodes { note recommender { name } } } } }`,
      { id: personId },
    );
    return data!.person.recommendations;
  };

  it("recommends a person to a posting, which records the posting's organization too", async () => {
    const posting = await postJob(request, { organizationId, title: 'Outreach worker', kind: 'PART_TIME', city: 'Chengdu' });
    const candidate = await createPerson(request, { name: 'Recommended For Posting' });
    const { data, errors } = await recommend({ candidateId: candidate, postingId: posting.id, note: '  Great with families.  ' });
    expect(errors).toBeUndefined();
    expect(data!.recommendPerson.recommendation).toMatchObject({
      note: 'Great with families.',
      recommender: { id: mentor },
      candidate: { id: candidate },
      posting: { id: posting.id },
      organization: { id: organizationId },
    });
    expect(await received(candidate)).toEqual({ totalCount: 1, nodes: [{ note: 'Great with families.', recommender: { name: 'Mentor' } }] });
    const onPosting = await request<{ jobPosting: { recommendations: { nodes: { candidate: { name: string } }[] } } }>(
      `query($id: ID!) { jobPosting(id: $id) { recommendations { nodes { candidate { name } } } } }`,
      { id: posting.id },
    );
    expect(onPosting.data!.jobPosting.recommendations.nodes).toEqual([{ candidate: { name: 'Recommended For Posting' } }]);
  });

  it('recommends a person to an organization the organizations subgraph knows, and lists what the recommender gave', async () => {
    const candidate = await createPerson(request, { name: 'Recommended To Organization' });
    const { data, errors } = await recommend({ candidateId: candidate, organizationId: seedId('org:npi-chengdu') });
    expect(errors).toBeUndefined();
    expect(data!.recommendPerson.recommendation).toMatchObject({ posting: null, organization: { id: seedId('org:npi-chengdu') } });
    const given = await request<{ person: { recommendationsGiven: { nodes: { candidate: { id: string } }[] } } }>(
      `query($id: ID!) { person(id: $id) { recommendationsGiven(first: 100) { nodes { candidate { id } } } } }`,
      { id: mentor },
    );
    expect(given.data!.person.recommendationsGiven.nodes[0]).toEqual({ candidate: { id: candidate } });
    const unknown = await recommend({ candidateId: candidate, organizationId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', type: 'Organization', field: 'organizationId' });
  });

  it.each([
    ['oneself', (candidate: string) => ({ recommenderId: candidate, candidateId: candidate, organizationId: seedId('org:npi') }), 'candidateId'],
    [
      'both a posting and an organization',
      (candidate: string) => ({ candidateId: candidate, organizationId: seedId('org:npi'), postingId: seedId('posting:elderly-care-social-worker') }),
      'organizationId',
    ],
    ['neither a posting nor an organization', (candidate: string) => ({ candidateId: candidate }), 'postingId'],
    ['an empty note', (candidate: string) => ({ candidateId: candidate, organizationId: seedId('org:npi'), note: ' ' }), 'note'],
  ])('refuses a recommendation of %s as BAD_USER_INPUT, and writes nothing', async (_case, input, field) => {
    const candidate = await createPerson(request, { name: 'Refused Candidate' });
    const { data, errors } = await recommend(input(candidate));
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await received(candidate)).totalCount).toBe(0);
  });

  it('refuses a recommendation made twice to the same place as CONFLICT, and accepts one to another place', async () => {
    const candidate = await createPerson(request, { name: 'Twice Recommended' });
    expect((await recommend({ candidateId: candidate, organizationId })).errors).toBeUndefined();
    expect((await recommend({ candidateId: candidate, organizationId })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'candidateId' });
    const posting = await postJob(request, { organizationId, title: 'Another role', kind: 'VOLUNTEER', city: 'Chengdu' });
    expect((await recommend({ candidateId: candidate, postingId: posting.id })).errors).toBeUndefined();
    expect((await recommend({ candidateId: candidate, postingId: posting.id })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
    expect((await received(candidate)).totalCount).toBe(2);
  });

  it('refuses a recommendation to a posting that takes no applications as CONFLICT, and unknown people or postings as NOT_FOUND', async () => {
    const candidate = await createPerson(request, { name: 'Late Candidate' });
    const closed = await postJob(request, { organizationId, title: 'Closed role', kind: 'FULL_TIME', city: 'Chengdu' });
    await request(CLOSE, { id: closed.id });
    expect((await recommend({ candidateId: candidate, postingId: closed.id })).errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'postingId',
      status: 'CLOSED',
    });
    expect((await recommend({ candidateId: candidate, postingId: 'not-a-uuid' })).errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'postingId',
    });
    expect((await recommend({ candidateId: '00000000-0000-4000-8000-000000000000', organizationId })).errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'candidateId',
    });
    expect((await recommend({ recommenderId: 'nobody', candidateId: candidate, organizationId })).errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'recommenderId',
    });
  });
});
