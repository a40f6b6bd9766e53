import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, NoSchemaIntrospectionCustomRule, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { isIn, type Caller } from './caller';
import type { Audience } from './limits-config';

/** Whether each parsed document introspects, per schema: Apollo reuses one parsed document per query text, so a repeated operation is walked once, not on every request. */
const introspecting = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, boolean>>();

function introspects(schema: GraphQLSchema, document: DocumentNode): boolean {
  let documents = introspecting.get(schema);
  if (!documents) introspecting.set(schema, (documents = new WeakMap()));
  let answer = documents.get(document);
  if (answer === undefined) documents.set(document, (answer = validate(schema, document, [NoSchemaIntrospectionCustomRule]).length > 0));
  return answer;
}

/** FORBIDDEN when `document` introspects (`__schema`, `__type`) and `caller` is outside `audience`; over HTTP and WebSocket alike. */
export function introspectionRefusal(audience: Audience, caller: Caller | undefined, schema: GraphQLSchema, document: DocumentNode): GraphQLError | undefined {
  if (isIn(audience, caller)) return undefined;
  if (!introspects(schema, document)) return undefined;
  return new GraphQLError(
    audience === 'nobody'
      ? 'Introspection is turned off on this hub; the schema is published in its repository (schema/supergraph.graphql).'
      : 'Introspection is open to authenticated callers only on this hub; send your API key, or read the published schema.',
    { extensions: { code: 'FORBIDDEN', http: { status: 403 } } },
  );
}

/**
 * Introspection (`__schema`, `__type`) for the callers in `audience` only. Apollo Server's own
 * `introspection` switch is one value for everyone; this one asks who is calling.
 */
export function introspectionPolicy(audience: Audience): ApolloServerPlugin<{ caller?: Caller }> {
  return {
    async requestDidStart({ contextValue }) {
      if (isIn(audience, contextValue.caller)) return;
      return {
        async didResolveOperation({ schema, document }) {
          const refusal = introspectionRefusal(audience, contextValue.caller, schema, document);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
