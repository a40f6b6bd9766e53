import { ApplicationStatus } from '../src/entities/job-application';
import { JobPostingStatus } from '../src/entities/job-posting';
import { APPLICATION_TRANSITIONS, assertApplicationTransition, nextStatuses } from '../src/services/application-transitions';
import { isOpenNow, notOpenReason } from '../src/services/job-postings';
import { startPeopleWithOrganizations, type PeopleWithOrganizations, type Request } from './harness';
import { APPLY, CHANGE, CLOSE, createPerson, daysFromToday, postJob, WITHDRAW } from './talent-market';

const { SUBMITTED, SHORTLISTED, OFFERED, HIRED, REJECTED, WITHDRAWN } = ApplicationStatus;
type Application = { id: string; status: string; nextStatuses: string[] };

describe('the application transition table', () => {
  it('goes one step at a time towards HIRED, lets the organization reject and the applicant withdraw until final', () => {
    expect(nextStatuses(SUBMITTED)).toEqual([SHORTLISTED, REJECTED, WITHDRAWN]);
    expect(nextStatuses(SHORTLISTED, 'organization')).toEqual([OFFERED, REJECTED]);
    expect(nextStatuses(OFFERED, 'applicant')).toEqual([WITHDRAWN]);
    for (const final of [HIRED, REJECTED, WITHDRAWN]) expect(APPLICATION_TRANSITIONS[final]).toEqual({});
  });

  it('refuses a move the actor never makes as BAD_USER_INPUT, and a move out of order as CONFLICT', () => {
    const attempt = (from: ApplicationStatus, to: ApplicationStatus, actor: 'organization' | 'applicant') => {
      try {
        assertApplicationTransition(from, to, actor);
        return 'allowed';
      } catch (error) {
        return (error as { extensions: { code: string } }).extensions.code;
      }
    };
    expect(attempt(SUBMITTED, WITHDRAWN, 'organization')).toBe('BAD_USER_INPUT');
    expect(attempt(SUBMITTED, SHORTLISTED, 'applicant')).toBe('BAD_USER_INPUT');
    expect(attempt(SHORTLISTED, SUBMITTED, 'organization')).toBe('BAD_USER_INPUT');
    expect(attempt(SUBMITTED, OFFERED, 'organization')).toBe('CONFLICT');
    expect(attempt(HIRED, WITHDRAWN, 'applicant')).toBe('CONFLICT');
    expect(attempt(OFFERED, HIRED, 'organization')).toBe('allowed');
  });
});

describe('the window a posting takes applications in', () => {
  const open = (opensOn?: string, closesOn?: string) => ({ status: JobPostingStatus.OPEN, opensOn, closesOn });
  it('is open from opensOn to closesOn, both included, for an OPEN posting only', () => {
    expect(isOpenNow(open('2026-01-01', '2026-01-31'), '2026-01-01')).toBe(true);
    expect(isOpenNow(open('2026-01-01', '2026-01-31'), '2026-01-31')).toBe(true);
    expect(isOpenNow(open(undefined, undefined), '2099-12-31')).toBe(true);
    expect(notOpenReason(open('2026-01-01', '2026-01-31'), '2026-02-01')).toBe('this posting stopped taking applications on 2026-01-31');
    expect(notOpenReason(open('2026-01-01'), '2025-12-31')).toBe('this posting takes applications from 2026-01-01');
    expect(notOpenReason({ status: JobPostingStatus.FILLED }, '2026-01-01')).toBe('this posting is FILLED and takes no applications');
  });
});

describe('job applications', () => {
  let hub: PeopleWithOrganizations;
  let request: Request;
  let organizationId: string;
  beforeAll(async () => {
    hub = await startPeopleWithOrganizations();
    request = hub.request;
    organizationId = await hub.createOrganization('Applications Test NGO');
  });
  afterAll(() => hub?.stop());

  const newPosting = (fields: Record<string, unknown> = {}) =>
    postJob(request, { organizationId, title: 'Caseworker', kind: 'FULL_TIME', city: 'Applyton', ...fields });
  const applyFor = (postingId: string, personId: string, coverNote?: string) =>
    request<{ applyForJob: { application: Application & { coverNote: string | null } } }>(APPLY, { input: { postingId, personId, coverNote } });
  const change = (id: string, status: string) => request<{ changeApplicationStatus: { application: Application } }>(CHANGE, { id, status });
  const applicationsOf = async (postingId: string) => {
    const { data } = await request<{ jobPosting: { applications: { totalCount: number; nodes: { status: string; person: { name: string } }[] } } }>(
      `query($id: ID!) { jobPosting(id: $id) { applications { totalCount nodes { status person { name } } } } }`,
      { id: postingId },
    );
    return data!.jobPosting.applications;
  };
  async function submitted(): Promise<{ postingId: string; personId: string; id: string }> {
    const posting = await newPosting();
    const personId = await createPerson(request, { name: 'Applicant' });
    const { data, errors } = await applyFor(posting.id, personId);
    expect(errors).toBeUndefined();
    return { postingId: posting.id, personId, id: data!.applyForJob.application.id };
  }

  it('sends an application with its cover note, SUBMITTED, and lists it on the posting and on the person', async () => {
    const posting = await newPosting();
    const personId = await createPerson(request, { name: 'Cover Note Writer' });
    const { data, errors } = await applyFor(posting.id, personId, '  I would love to help.  ');
    expect(errors).toBeUndefined();
    expect(data!.applyForJob.application).toMatchObject({
      status: 'SUBMITTED',
      coverNote: 'I would love to help.',
      nextStatuses: ['SHORTLISTED', 'REJECTED', 'WITHDRAWN'],
    });
    expect(await applicationsOf(posting.id)).toEqual({ totalCount: 1, nodes: [{ status: 'SUBMITTED', person: { name: 'Cover Note Writer' } }] });
    const person = await request<{ person: { applications: { nodes: { posting: { id: string } }[] } } }>(
      `query($id: ID!) { person(id: $id) { applications { nodes { posting { id } } } } }`,
      { id: personId },
    );
    expect(person.data!.person.applications.nodes).toEqual([{ posting: { id: posting.id } }]);
  });

  it.each([
    ['SHORTLISTED', ['SHORTLISTED']],
    ['OFFERED', ['SHORTLISTED', 'OFFERED']],
    ['HIRED', ['SHORTLISTED', 'OFFERED', 'HIRED']],
    ['REJECTED from SUBMITTED', ['REJECTED']],
    ['REJECTED from SHORTLISTED', ['SHORTLISTED', 'REJECTED']],
    ['REJECTED from OFFERED', ['SHORTLISTED', 'OFFERED', 'REJECTED']],
  ])('lets the organization move an application to %s', async (_case, steps) => {
    const { id } = await submitted();
    for (const status of steps) {
      const { data, errors } = await change(id, status);
      expect(errors).toBeUndefined();
      expect(data!.changeApplicationStatus.application.status).toBe(status);
    }
  });

  it.each([
    ['SUBMITTED → OFFERED (skips the shortlist)', [], 'OFFERED'],
    ['SUBMITTED → HIRED', [], 'HIRED'],
    ['SHORTLISTED → SHORTLISTED', ['SHORTLISTED'], 'SHORTLISTED'],
    ['HIRED → REJECTED (final)', ['SHORTLISTED', 'OFFERED', 'HIRED'], 'REJECTED'],
    ['REJECTED → SHORTLISTED (final)', ['REJECTED'], 'SHORTLISTED'],
  ])('refuses %s as CONFLICT and leaves the application as it was', async (_case, steps, to) => {
    const { id, postingId } = await submitted();
    for (const status of steps) await change(id, status);
    const before = (await applicationsOf(postingId)).nodes[0].status;
    const { data, errors } = await change(id, to);
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'id', from: before });
    expect((await applicationsOf(postingId)).nodes[0].status).toBe(before);
  });

  it("refuses WITHDRAWN or SUBMITTED through changeApplicationStatus as BAD_USER_INPUT: withdrawing is the applicant's", async () => {
    const { id } = await submitted();
    for (const status of ['WITHDRAWN', 'SUBMITTED']) {
      const { errors } = await change(id, status);
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    }
  });

  it('lets the applicant withdraw until the application is final, and not after', async () => {
    const offered = await submitted();
    await change(offered.id, 'SHORTLISTED');
    await change(offered.id, 'OFFERED');
    const withdrawn = await request<{ withdrawApplication: { application: Application } }>(WITHDRAW, { id: offered.id });
    expect(withdrawn.data!.withdrawApplication.application).toEqual({ id: offered.id, status: 'WITHDRAWN', nextStatuses: [] });
    const twice = await request(WITHDRAW, { id: offered.id });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', from: 'WITHDRAWN', allowed: [] });

    const hired = await submitted();
    for (const status of ['SHORTLISTED', 'OFFERED', 'HIRED']) await change(hired.id, status);
    expect((await request(WITHDRAW, { id: hired.id })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', from: 'HIRED', to: 'WITHDRAWN', allowed: [] });
    expect((await request(WITHDRAW, { id: 'not-a-uuid' })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('allows one active application per person and posting, and a new one once the earlier was withdrawn or rejected', async () => {
    const { id, postingId, personId } = await submitted();
    const again = await applyFor(postingId, personId);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'personId' });
    await request(WITHDRAW, { id });
    const second = await applyFor(postingId, personId);
    expect(second.errors).toBeUndefined();
    await change(second.data!.applyForJob.application.id, 'REJECTED');
    expect((await applyFor(postingId, personId)).errors).toBeUndefined();
    expect((await applyFor(postingId, personId)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
    expect((await applicationsOf(postingId)).totalCount).toBe(3);
  });

  it('keeps one application when the same person applies many times at once', async () => {
    const posting = await newPosting();
    const personId = await createPerson(request, { name: 'Impatient Applicant' });
    const answers = await Promise.all(Array.from({ length: 8 }, () => applyFor(posting.id, personId)));
    expect(answers.filter((a) => !a.errors)).toHaveLength(1);
    expect(answers.filter((a) => a.errors).every((a) => a.errors![0].extensions?.code === 'CONFLICT')).toBe(true);
    expect((await applicationsOf(posting.id)).totalCount).toBe(1);
  });

  it('refuses applications to a posting that is closed, filled, a draft, not yet open or past its closing date as CONFLICT, and writes nothing', async () => {
    const personId = await createPerson(request, { name: 'Too Late' });
    const closed = await newPosting();
    await request(CLOSE, { id: closed.id });
    const filled = await newPosting();
    await request(CLOSE, { id: filled.id, filled: true });
    const draft = await newPosting({ draft: true });
    const later = await newPosting({ opensOn: daysFromToday(7) });
    const past = await newPosting({ draft: true, opensOn: '2020-01-01', closesOn: '2020-02-01' });
    for (const posting of [closed, filled, draft, later, past]) {
      const { data, errors } = await applyFor(posting.id, personId);
      expect(data).toBeNull();
      expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'postingId' });
      expect((await applicationsOf(posting.id)).totalCount).toBe(0);
    }
  });

  it('keeps moving applications after the posting closed (the organization still decides on them)', async () => {
    const { id, postingId } = await submitted();
    await request(CLOSE, { id: postingId });
    expect((await change(id, 'SHORTLISTED')).errors).toBeUndefined();
  });

  it('refuses an unknown person or posting as NOT_FOUND naming the field, and a cover note over 5000 characters as BAD_USER_INPUT', async () => {
    const posting = await newPosting();
    const personId = await createPerson(request, { name: 'Known Person' });
    expect((await applyFor(posting.id, '00000000-0000-4000-8000-000000000000')).errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'personId',
      type: 'Person',
    });
    expect((await applyFor('not-a-uuid', personId)).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'postingId', type: 'JobPosting' });
    expect((await applyFor(posting.id, personId, 'x'.repeat(5001))).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'coverNote' });
    expect((await change('00000000-0000-4000-8000-000000000000', 'SHORTLISTED')).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it("filters a posting's applications by status and pages through them in the order they were sent", async () => {
    const posting = await newPosting();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const personId = await createPerson(request, { name: `Queue ${i}` });
      ids.push((await applyFor(posting.id, personId)).data!.applyForJob.application.id);
    }
    await change(ids[1], 'SHORTLISTED');
    await change(ids[3], 'REJECTED');
    const query = `query($id: ID!, $statuses: [ApplicationStatus!], $after: String) { jobPosting(id: $id) { applications(statuses: $statuses, first: 2, after: $after) {
      totalCount nodes { person { name } } pageInfo { hasNextPage endCursor } } } }`;
    type Page = {
      jobPosting: { applications: { totalCount: number; nodes: { person: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    };
    const inPlay = await request<Page>(query, { id: posting.id, statuses: ['SUBMITTED', 'SHORTLISTED'] });
    expect(inPlay.data!.jobPosting.applications.totalCount).toBe(4);
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: Page } = await request(query, { id: posting.id, after });
      names.push(...page.data!.jobPosting.applications.nodes.map((n) => n.person.name));
      if (!page.data!.jobPosting.applications.pageInfo.hasNextPage) break;
      after = page.data!.jobPosting.applications.pageInfo.endCursor;
    }
    expect(names).toEqual(['Queue 0', 'Queue 1', 'Queue 2', 'Queue 3', 'Queue 4']);
  });
});
