import { parse, print } from 'graphql';
import { CACHE_MAX_AGE, withCacheHints } from '../src/cache-hints';

describe('withCacheHints', () => {
  const sdl = `
    type Query { organizations(first: Int): OrganizationConnection! @cacheControl(maxAge: 300) organization(id: ID!): Organization }
    type Organization @key(fields: "id") { id: ID! registration: Registration! founder: Person }
    type Course @key(fields: "id") @cacheControl(maxAge: 300) { id: ID! }
    type Registration { status: String }
    type Person @key(fields: "id", resolvable: false) { id: ID! }
    type OrganizationConnection { edges: [OrganizationEdge!]! nodes: [Organization!]! totalCount: Int! }
    type OrganizationEdge { cursor: String! node: Organization! }
    type SectorMap @cacheControl(maxAge: 10) { organizationCount: Int! }
  `;
  const printed = print(withCacheHints(parse(sdl)));
  const line = (name: string) => printed.split('\n').find((l) => l.startsWith(`type ${name} `));

  it('lets value types, connections, edges and reference stubs inherit the max-age of the field they hang from', () => {
    for (const name of ['Registration', 'OrganizationConnection', 'OrganizationEdge', 'Person'])
      expect(line(name)).toContain('@cacheControl(inheritMaxAge: true)');
  });

  it('leaves the entities a subgraph resolves, the roots and what declares its own hint as declared: the default max-age applies to what declares none', () => {
    expect(line('Organization')).not.toContain('@cacheControl');
    expect(line('Query')).not.toContain('@cacheControl');
    expect(line('Course')).toContain('@cacheControl(maxAge: 300)');
    expect(line('Course')).not.toContain('inheritMaxAge');
    expect(line('SectorMap')).not.toContain('inheritMaxAge');
  });

  it("makes a connection's totalCount an aggregate", () => {
    expect(printed).toContain(`totalCount: Int! @cacheControl(maxAge: ${CACHE_MAX_AGE.aggregate})`);
  });
});
