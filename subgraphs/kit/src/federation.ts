import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { withConnectionListSizes } from './list-sizes';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { gatewayServedPubSub } from './events/gateway-subscription';
import { AUTH_DIRECTIVE_SDL } from './auth/auth-rule';
import { CACHE_CONTROL_DIRECTIVE_SDL, withCacheHints } from './cache-hints';
import { DateScalar } from './scalars';

export const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@override", "@cost", "@listSize"])`;

/** `__resolveReference` of each entity type a subgraph owns, merged into its resolvers. */
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: never, context: never) => unknown }>;

/**
 * type-graphql → Apollo subgraph: builds the code-first schema, prints it with its federation
 * directives and hands SDL and resolvers to `buildSubgraphSchema` (type-graphql's own
 * apollo-federation-2 recipe). Built once at start-up, never per request.
 */
export async function buildFederatedSchema(
  options: Pick<BuildSchemaOptions, 'resolvers' | 'orphanedTypes'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    ...options,
    skipCheck: true,
    pubSub: gatewayServedPubSub,
    validate: false,
    // `Date` in resolvers means a calendar day; timestamps declare `@Field(() => DateTimeScalar)`.
    scalarsMap: [{ type: Date, scalar: DateScalar }],
  });
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  return buildSubgraphSchema({
    typeDefs: withCacheHints(
      withConnectionListSizes(parse(`${FEDERATION_LINK}\n${AUTH_DIRECTIVE_SDL}\n${CACHE_CONTROL_DIRECTIVE_SDL}\n${printSchemaWithDirectives(schema)}`)),
    ),
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
}

/** The SDL a subgraph contributes to composition (`schema/<name>.graphql`). */
export function subgraphSdl(schema: GraphQLSchema): string {
  return printSubgraphSchema(schema);
}
