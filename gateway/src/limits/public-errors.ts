import type { ApolloServerPlugin } from '@apollo/server';
import { SUBGRAPHS } from '@ngo-hub/kit/common';
import type { GraphQLFormattedError } from 'graphql';
import type { Caller } from './caller';
import type { HubMode } from './limits-config';

/** What a refused operation is told in production, by the limit it broke. */
const RULES: Record<string, string> = {
  depth: 'query too deep',
  cost: 'query too costly',
  aliases: 'too many aliases',
  directives: 'too many directives',
  selections: 'query too complex',
  fieldPairs: 'query too complex',
  tokens: 'query too long',
  subscriptionsPerSocket: 'too many subscriptions',
};

/**
 * A limit's error as production shows it: the rule broken ("query too deep", "rate limited",
 * "too many subscriptions"), without the configured numbers or what was found, which would tell
 * an attacker exactly how far to go. `retryAfter` stays: a client needs it to back off.
 */
export function withoutLimitDetails(error: GraphQLFormattedError): GraphQLFormattedError {
  const { code, limit, retryAfter } = error.extensions ?? {};
  if (code === 'RATE_LIMITED') return { message: 'rate limited', extensions: { code, retryAfter } };
  if (code === 'TOO_MANY_SUBSCRIPTIONS') return { message: RULES.subscriptionsPerSocket!, extensions: { code, limit: 'subscriptionsPerSocket' } };
  if (typeof limit === 'string' && RULES[limit]) return { message: RULES[limit]!, locations: error.locations, extensions: { code, limit } };
  if (code === 'GRAPHQL_PARSE_FAILED' && /more th\w+ \d+ tokens/.test(error.message)) return { message: RULES.tokens!, extensions: { code, limit: 'tokens' } };
  return error;
}

const NAMED_SUBGRAPH = new RegExp(`\\b[Tt]he (${SUBGRAPHS.join('|')}) subgraph\\b|service "(${SUBGRAPHS.join('|')})"`, 'g');

/** An error without the hub's subgraph names (`extensions.serviceName`, names in the message): how anonymous callers see it in production. */
export function withoutSubgraphNames(error: GraphQLFormattedError): GraphQLFormattedError {
  if (!error.extensions?.serviceName && !NAMED_SUBGRAPH.test(error.message)) return error;
  NAMED_SUBGRAPH.lastIndex = 0;
  const { serviceName: _serviceName, ...extensions } = error.extensions ?? {};
  const message =
    extensions.code === 'SUBGRAPH_UNAVAILABLE'
      ? 'A service of the hub is unavailable; fields it provides are missing from this response.'
      : error.message.replace(NAMED_SUBGRAPH, (found) => (found.startsWith('T') ? 'A service of the hub' : 'a service of the hub'));
  return { ...error, message, extensions };
}

/** How errors are shown to `caller` in `mode`: as they are in development; in production without limit details, and for anonymous callers without subgraph names. */
export function publicErrors(mode: HubMode, caller: Caller | undefined, errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] {
  if (mode !== 'production') return [...errors];
  return errors.map((error) => {
    const shown = withoutLimitDetails(error);
    return caller?.authenticated ? shown : withoutSubgraphNames(shown);
  });
}

/** Apollo Server's `formatError`. */
export type ErrorFormat = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Apollo Server `formatError` for the gateway: `format` (the kit's masking of unexpected errors),
 * then, in production, without limit details. It also sees errors raised before a request has a
 * caller (a rate limit, a refused credential); subgraph names are hidden per caller by
 * `publicErrorsPlugin`.
 */
export function publicErrorFormat(mode: HubMode, format: ErrorFormat): ErrorFormat {
  return (formatted, error) => {
    const shown = format(formatted, error);
    return mode === 'production' ? withoutLimitDetails(shown) : shown;
  };
}

/** In production, anonymous callers' responses lose the subgraph names their errors carry. */
export function publicErrorsPlugin(mode: HubMode): ApolloServerPlugin<{ caller?: Caller }> {
  return {
    async requestDidStart({ contextValue }) {
      if (mode !== 'production' || contextValue.caller?.authenticated) return;
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            response.body.singleResult.errors = publicErrors(mode, contextValue.caller, response.body.singleResult.errors);
          }
        },
      };
    },
  };
}
