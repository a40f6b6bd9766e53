import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, NoSchemaIntrospectionCustomRule, validate } from 'graphql';
import { isIn, type Caller } from './caller';
import type { Audience } from './limits-config';

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
          if (validate(schema, document, [NoSchemaIntrospectionCustomRule]).length === 0) return;
          throw new GraphQLError(
            audience === 'nobody'
              ? 'Introspection is turned off on this hub; the schema is published in its repository (schema/supergraph.graphql).'
              : 'Introspection is open to authenticated callers only on this hub; send your API key, or read the published schema.',
            { extensions: { code: 'FORBIDDEN', http: { status: 403 } } },
          );
        },
      };
    },
  };
}
