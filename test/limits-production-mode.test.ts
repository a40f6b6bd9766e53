import type { ChildService } from '@ngo-hub/kit/processes';
import { graphqlRequest } from '@ngo-hub/kit/testing';
import { startGatewayProcess } from './setup/gateway-process';
import { gql } from './setup/hub';

const INTROSPECTION = `{ __schema { queryType { name } } }`;
const TYPE = `{ __type(name: "Organization") { name } }`;
const TYPO = `{ organizations { totalCont } }`;

describe('introspection and field suggestions: on in development, off for anonymous callers in production', () => {
  let production: ChildService;
  beforeAll(async () => {
    production = await startGatewayProcess({ HUB_MODE: 'production', RATE_LIMIT_PER_SECOND: '0' });
  });
  afterAll(() => production?.stop());

  it('development: anyone may introspect and gets "did you mean" hints', async () => {
    expect((await gql(INTROSPECTION)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const typo = await gql(TYPO);
    expect(typo.errors?.[0].message).toMatch(/Cannot query field "totalCont" on type "OrganizationConnection"\. Did you mean "totalCount"\?/);
  });

  it('production: an anonymous caller is refused __schema and __type with FORBIDDEN, and gets no hints', async () => {
    for (const query of [INTROSPECTION, TYPE, `query { organizations { totalCount } ...on Query { __schema { types { name } } } }`]) {
      const answer = await graphqlRequest(production.url, query);
      expect(answer.status).toBe(403);
      expect(answer.data).toBeUndefined();
      expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/^Introspection is open to authenticated callers only/) });
    }
    const typo = await graphqlRequest(production.url, TYPO);
    expect(typo.errors?.[0]).toMatchObject({ message: 'Cannot query field "totalCont" on type "OrganizationConnection".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('production: __typename and ordinary queries still work for anonymous callers', async () => {
    const answer = await graphqlRequest(production.url, `{ __typename organizations { totalCount } }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ __typename: 'Query', organizations: { totalCount: expect.any(Number) } });
  });

  it('production: an authenticated caller (the hub admin key) may introspect and gets hints', async () => {
    const admin = await startGatewayProcess({ HUB_MODE: 'production', RATE_LIMIT_PER_SECOND: '0', HUB_ADMIN_API_KEY: 'limits-test-admin-key-0123456789' });
    try {
      const headers = { 'x-api-key': 'limits-test-admin-key-0123456789' };
      expect((await graphqlRequest(admin.url, INTROSPECTION, undefined, headers)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      expect((await graphqlRequest(admin.url, TYPO, undefined, headers)).errors?.[0].message).toMatch(/Did you mean "totalCount"\?/);
    } finally {
      await admin.stop();
    }
  });
});
