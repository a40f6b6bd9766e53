import { ApolloServer } from '@apollo/server';
import { hubLimits } from '../hub-limits';
import { runDerived } from '../derived-operations';
import { loadLimitsConfig } from '../limits-config';

// the hub's limits on a real Apollo Server, as the gateway spreads them into its options
const limits = hubLimits(loadLimitsConfig({ MAX_ALIASES: '5', MAX_TOKENS: '400', MAX_DEPTH: '4' }));
const server = new ApolloServer({
  typeDefs: 'type Query { node(id: ID!): Node } type Node { id: ID! name: String child: Node }',
  resolvers: {
    Query: { node: (_: unknown, { id }: { id: string }) => ({ id, name: `n${id}` }) },
    Node: { child: (n: { id: string }) => ({ id: `${n.id}.c` }) },
  },
  ...limits.apollo,
});

beforeAll(() => server.start());
afterAll(() => server.stop());

const run = async (query: string) => {
  const response = await server.executeOperation({ query });
  if (response.body.kind !== 'single') throw new Error('single result expected');
  return response.body.singleResult;
};
const limitOf = (result: Awaited<ReturnType<typeof run>>) => result.errors?.map((e) => e.extensions?.limit);

// 8 aliases at depth 6: over the alias and depth limits above
const merged = `query EventPayload { ${Array.from({ length: 8 }, (_, i) => `r${i}: node(id: "${i}") { id name child { child { child { child { id } } } } }`).join(' ')} }`;

describe('operations the gateway derives from admitted ones', () => {
  it('run past the client limits inside runDerived', async () => {
    const result = await runDerived(() => run(merged));
    expect(result.errors).toBeUndefined();
    expect(result.data?.r7).toMatchObject({ id: '7', name: 'n7' });
  });

  it('are refused to a client sending the same text, before and after the gateway ran it', async () => {
    const text = merged.replace('EventPayload', 'Client');
    expect(limitOf(await run(text))).toEqual(expect.arrayContaining(['depth', 'aliases']));
    await runDerived(() => run(text));
    // Apollo's document store has the derived one validated: the client's is validated again, with the limits
    expect(limitOf(await run(text))).toEqual(expect.arrayContaining(['depth', 'aliases']));
    expect((await runDerived(() => run(text))).errors).toBeUndefined();
  });

  it("keep the token limit for clients' texts", async () => {
    const long = `{ ${Array.from({ length: 150 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const refused = await run(long);
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(refused.errors?.[0]?.message).toMatch(/tokens/);
    expect((await runDerived(() => run(long))).errors).toBeUndefined();
    expect((await run(long)).errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('leave validation itself in place: an invalid derived operation is refused', async () => {
    const result = await runDerived(() => run('{ node(id: "1") { missing } }'));
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
