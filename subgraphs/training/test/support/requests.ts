import type { TestSubgraph } from '@ngo-hub/kit/testing';

/** Sends an operation that must succeed; returns its data. */
export async function ok<T>(subgraph: TestSubgraph, query: string, variables?: Record<string, unknown>): Promise<T> {
  const { data, errors } = await subgraph.request<T>(query, variables);
  if (errors) throw new Error(`operation failed: ${JSON.stringify(errors)}\n${query}`);
  return data!;
}

/** Sends an operation that must fail; returns its first error's extensions and message. */
export async function refused(
  subgraph: TestSubgraph,
  query: string,
  variables?: Record<string, unknown>,
): Promise<Record<string, unknown> & { message: string }> {
  const { errors } = await subgraph.request(query, variables);
  if (!errors?.length) throw new Error(`operation was expected to fail:\n${query}`);
  return { ...(errors[0].extensions ?? {}), message: errors[0].message };
}

/** SQL statements the subgraph sent while `action` ran. */
export async function statementsDuring(subgraph: TestSubgraph, action: () => Promise<unknown>): Promise<number> {
  const before = await subgraph.sqlStatements();
  await action();
  return (await subgraph.sqlStatements()) - before;
}

export const ENROLL = `mutation($input: EnrollPersonInput!) { enrollPerson(input: $input) { enrollment { id status } } }`;

/** Enrolls a person; returns the enrollment's id and status. */
export async function enroll(subgraph: TestSubgraph, courseId: string, personId: string): Promise<{ id: string; status: string }> {
  return (await ok<{ enrollPerson: { enrollment: { id: string; status: string } } }>(subgraph, ENROLL, { input: { courseId, personId } })).enrollPerson
    .enrollment;
}
