import { IDENTITY_HEADER, signIdentity } from '../auth/gateway-signature';
import { ANONYMOUS, callerIdentity, serviceIdentity, type Identity, type OrganizationRole } from '../auth/identity';
import { graphqlRequest, type GraphQLResponse } from './http';

import { TEST_GATEWAY_SECRET } from '../published-secrets';

export { TEST_GATEWAY_SECRET };

export function testGatewaySecret(): string {
  return process.env.GATEWAY_SECRET ?? TEST_GATEWAY_SECRET;
}

/** Identities a test acts as. */
export const asAnonymous = (): Identity => ANONYMOUS;
export const asAdmin = (): Identity => callerIdentity({ admin: true });
export const asPerson = (personId: string, memberships: { organizationId: string; role: OrganizationRole }[] = []): Identity =>
  callerIdentity({ personId, memberships });
export const asMember = (organizationId: string, role: OrganizationRole = 'EDITOR'): Identity => callerIdentity({ memberships: [{ organizationId, role }] });
export const asService = (service = 'test'): Identity => serviceIdentity(service);

/** The header the gateway would add for `identity`. */
export async function identityHeaders(identity: Identity, secret = testGatewaySecret()): Promise<Record<string, string>> {
  return { [IDENTITY_HEADER]: await signIdentity(identity, secret) };
}

/** Posts an operation straight to a subgraph, signed as the gateway would sign it for `identity`. */
export async function graphqlRequestAs<T = Record<string, unknown>>(
  identity: Identity,
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<T>> {
  return graphqlRequest<T>(url, query, variables, await identityHeaders(identity));
}
