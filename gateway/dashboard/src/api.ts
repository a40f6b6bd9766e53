// The dashboard's HTTP client: POST /graphql on the same origin, like any partner's client.

import { authorization } from './auth';

export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string };
}

/** A response with errors (or a failed request), with the first error's code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export const GRAPHQL_PATH = '/graphql';

/** How the dashboard names itself to the hub (Apollo's client awareness headers). */
export const CLIENT_NAME = 'ngo-hub-dashboard';

export async function request<T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', 'apollographql-client-name': CLIENT_NAME };
  const auth = authorization();
  if (auth) headers.authorization = auth;
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('the hub is not reachable', 'NETWORK_ERROR');
  }
  let body: { data?: T | null; errors?: GraphQLErrorShape[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`the hub answered ${response.status}`, 'BAD_RESPONSE');
  }
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new ApiError(first.message, first.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  }
  if (!body.data) throw new ApiError(`the hub answered ${response.status} without data`, 'BAD_RESPONSE');
  return body.data;
}
