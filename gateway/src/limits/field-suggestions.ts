import type { ApolloServerPlugin } from '@apollo/server';
import { isIn, type Caller } from './caller';
import type { Audience } from './limits-config';

/** An error message without graphql's "Did you mean …?" hint. */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean .+\?$/, '').trim();
}

/**
 * graphql's "Did you mean …?" hints for the callers in `audience` only: to anyone else they
 * would spell out the schema that introspection keeps closed.
 */
export function fieldSuggestionsPolicy(audience: Audience): ApolloServerPlugin<{ caller?: Caller }> {
  return {
    async requestDidStart({ contextValue }) {
      if (isIn(audience, contextValue.caller)) return;
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = withoutSuggestions(error.message);
        },
      };
    },
  };
}
