import type { GraphQLResponse, TestSubgraph } from '@ngo-hub/kit/testing';

/** A name no other test of the run uses: tests share one database. */
export function unique(prefix: string): string {
  return `${prefix} ${Math.random().toString(36).slice(2, 8)}`;
}

/** Sends an operation that must succeed; throws with the errors otherwise. */
export async function ok<T = Record<string, unknown>>(subgraph: TestSubgraph, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await subgraph.request<T>(query, variables);
  if (response.errors) throw new Error(`operation failed: ${JSON.stringify(response.errors)}`);
  return response.data!;
}

/** The first error's code, field and message. */
export function failure(response: GraphQLResponse<unknown>): { code?: unknown; field?: unknown; message?: string } {
  const error = response.errors?.[0];
  return { code: error?.extensions?.code, field: error?.extensions?.field, message: error?.message };
}

/**
 * Runs one mutation per input in a single request, with aliases; returns the results in order.
 * Builds many rows in a few round trips.
 */
export async function mutateAll<T>(
  subgraph: TestSubgraph,
  field: string,
  inputType: string,
  selection: string,
  inputs: Record<string, unknown>[],
): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < inputs.length; start += 100) {
    const chunk = inputs.slice(start, start + 100);
    const variables = Object.fromEntries(chunk.map((input, i) => [`i${i}`, input]));
    const declarations = chunk.map((_, i) => `$i${i}: ${inputType}!`).join(', ');
    const fields = chunk.map((_, i) => `m${i}: ${field}(input: $i${i}) { ${selection} }`).join('\n');
    const data = await ok<Record<string, T>>(subgraph, `mutation(${declarations}) { ${fields} }`, variables);
    results.push(...chunk.map((_, i) => data[`m${i}`]));
  }
  return results;
}

export async function createOrganizations(subgraph: TestSubgraph, inputs: Record<string, unknown>[]): Promise<string[]> {
  const created = await mutateAll<{ organization: { id: string } }>(subgraph, 'createOrganization', 'CreateOrganizationInput', 'organization { id }', inputs);
  return created.map((c) => c.organization.id);
}

export async function createOrganization(subgraph: TestSubgraph, input: Record<string, unknown>): Promise<string> {
  return (await createOrganizations(subgraph, [input]))[0];
}

/** An incubator with a programme and a cohort that started in 2020 and has no end date yet; returns their ids. */
export async function createIncubator(subgraph: TestSubgraph, name = unique('Incubator'), cohort: Record<string, unknown> = {}) {
  const incubatorId = await createOrganization(subgraph, { name, kind: 'INCUBATOR', city: 'Chengdu', province: 'Sichuan' });
  const { createIncubationProgramme } = await ok<{ createIncubationProgramme: { programme: { id: string } } }>(
    subgraph,
    `mutation($input: CreateIncubationProgrammeInput!) { createIncubationProgramme(input: $input) { programme { id } } }`,
    { input: { incubatorId, name: `${name} programme` } },
  );
  const programmeId = createIncubationProgramme.programme.id;
  const { createIncubationCohort } = await ok<{ createIncubationCohort: { cohort: { id: string } } }>(
    subgraph,
    `mutation($input: CreateIncubationCohortInput!) { createIncubationCohort(input: $input) { cohort { id } } }`,
    { input: { programmeId, name: 'First cohort', startsOn: '2020-03-01', ...cohort } },
  );
  return { incubatorId, programmeId, cohortId: createIncubationCohort.cohort.id };
}

export const MEMBERSHIP = 'membership { id status appliedOn startedOn endedOn supports organization { id name } cohort { id name } }';

export interface Membership {
  id: string;
  status: string;
  appliedOn: string;
  startedOn: string | null;
  endedOn: string | null;
  supports: string[];
  organization: { id: string; name: string };
  cohort: { id: string; name: string };
}

/** Sends one of the four incubation mutations. */
export function transition(
  subgraph: TestSubgraph,
  mutation: 'applyForIncubation' | 'admitToIncubation' | 'graduateFromIncubation' | 'withdrawFromIncubation',
  input: Record<string, unknown>,
) {
  const inputType = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
  return subgraph.request<Record<string, { membership: Membership }>>(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${MEMBERSHIP} } }`, {
    input,
  });
}

/** A date this many days from today (YYYY-MM-DD). */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** SQL statements the subgraph sends while `action` runs. */
export async function statementsDuring(subgraph: TestSubgraph, action: () => Promise<unknown>): Promise<number> {
  const before = await subgraph.sqlStatements();
  await action();
  return (await subgraph.sqlStatements()) - before;
}
