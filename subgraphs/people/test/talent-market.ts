import type { Request } from './harness';

/** Operations and fixtures the talent-market tests share; fixtures are made through the API. */
export const POST_JOB = `mutation($input: PostJobInput!) { postJob(input: $input) { jobPosting { id title titleZh kind city remote skills status openNow
  minimumQualification opensOn closesOn organization { id } salary { min { amount currency } max { amount currency } period } } } }`;
export const UPDATE_POSTING = `mutation($input: UpdateJobPostingInput!) { updateJobPosting(input: $input) { jobPosting { id title city remote skills status salary { min { amount } max { amount } period } closesOn } } }`;
export const PUBLISH = `mutation($id: ID!) { publishJobPosting(input: { id: $id }) { jobPosting { id status openNow } } }`;
export const CLOSE = `mutation($id: ID!, $filled: Boolean) { closeJobPosting(input: { id: $id, filled: $filled }) { jobPosting { id status openNow } } }`;
export const APPLY = `mutation($input: ApplyForJobInput!) { applyForJob(input: $input) { application { id status coverNote nextStatuses person { id } posting { id } } } }`;
export const CHANGE = `mutation($id: ID!, $status: ApplicationStatus!) { changeApplicationStatus(input: { id: $id, status: $status }) { application { id status nextStatuses } } }`;
export const WITHDRAW = `mutation($id: ID!) { withdrawApplication(input: { id: $id }) { application { id status nextStatuses } } }`;
export const RECOMMEND = `mutation($input: RecommendPersonInput!) { recommendPerson(input: $input) { recommendation { id note recommender { id } candidate { id } posting { id } organization { id } } } }`;

export type Posting = { id: string; status: string; openNow: boolean } & Record<string, unknown>;

export async function createPerson(request: Request, input: Record<string, unknown>): Promise<string> {
  const { data, errors } = await request<{ createPerson: { person: { id: string } } }>(
    `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`,
    { input },
  );
  expect(errors).toBeUndefined();
  return data!.createPerson.person.id;
}

export async function postJob(request: Request, input: Record<string, unknown>): Promise<Posting> {
  const { data, errors } = await request<{ postJob: { jobPosting: Posting } }>(POST_JOB, { input });
  expect(errors).toBeUndefined();
  return data!.postJob.jobPosting;
}

export async function apply(request: Request, postingId: string, personId: string): Promise<string> {
  const { data, errors } = await request<{ applyForJob: { application: { id: string } } }>(APPLY, { input: { postingId, personId } });
  expect(errors).toBeUndefined();
  return data!.applyForJob.application.id;
}

export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
