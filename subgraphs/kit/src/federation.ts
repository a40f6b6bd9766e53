import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { withConnectionListSizes } from './list-sizes';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { gatewayServedPubSub } from './events/gateway-subscription';
import { AUTH_DIRECTIVE_SDL } from './auth/auth-rule';
import { withAuthGuards } from './auth/auth.decorator';
import { CACHE_CONTROL_DIRECTIVE_SDL, withCacheHints } from './cache-hints';
import { ownUnitOfWork, type HubContext } from './context';
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
  // applied first, so it runs inside the unit of work: a mutation's guard loads its subject through the field's own
  withAuthGuards(schema, resolvers);
  withUnitOfWorkPerMutation(resolvers.Mutation);
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

type FieldResolver = (root: unknown, args: unknown, ctx: HubContext, info: unknown) => unknown;

/** Each root mutation field runs in a unit of work of its own (`ownUnitOfWork`): wraps only `Mutation`'s resolvers, so queries pay nothing. */
function withUnitOfWorkPerMutation(mutation: Record<string, unknown> | undefined): void {
  for (const [field, resolve] of Object.entries(mutation ?? {})) {
    if (typeof resolve !== 'function') continue;
    mutation![field] = ((root, args, ctx, info) => {
      ownUnitOfWork(ctx);
      return (resolve as FieldResolver)(root, args, ctx, info);
    }) satisfies FieldResolver;
  }
}

/** The SDL a subgraph contributes to composition (`schema/<name>.graphql`). */
export function subgraphSdl(schema: GraphQLSchema): string {
  return printSubgraphSchema(schema);
}
