import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { sharedCacheMayKeep, type Identity } from './auth/identity';
import { DEFAULT_CACHE_MAX_AGE_SECONDS } from './cache-hints';

interface Reads {
  identity: unknown;
  executing: boolean;
  callerDependent: boolean;
}

const READS = Symbol('identityReads');

/** Where `identity` is read: on the prototype, so the shallow copy Apollo makes of a context per operation keeps it (and the state it shares). */
const TRACKED = Object.create(Object.prototype, {
  identity: {
    enumerable: true,
    get(this: { [READS]: Reads }) {
      const reads = this[READS];
      if (reads.executing) reads.callerDependent = true;
      return reads.identity;
    },
  },
}) as object;

function readsOf(context: unknown): Reads | undefined {
  return (context as { [READS]?: Reads } | undefined)?.[READS];
}

/**
 * Makes `ctx.identity` report its readers: once the operation executes, any resolver (an `@Auth`
 * rule, a filter by the caller's memberships, `myData`) that reads who is asking makes the answer
 * caller-dependent, and the subgraph answers `Cache-Control: private`. Nothing has to remember to
 * declare it, so no caller's answer is ever marked shareable by omission.
 */
export function trackIdentityReads<C extends { identity: unknown }>(fields: C): C {
  const { identity, ...rest } = fields;
  return Object.assign(Object.create(TRACKED) as object, rest, { [READS]: { identity, executing: false, callerDependent: false } }) as unknown as C;
}

/**
 * The subgraph's cache hints: `DEFAULT_CACHE_MAX_AGE_SECONDS` unless a field says less, `private` as
 * soon as a resolver read the caller. Only for callers whose answers a shared cache may keep
 * (`sharedCacheMayKeep`): Apollo's cache-control plugin follows every field of an answer as it
 * resolves (a hook and a policy object per field, ~4% of a subgraph's CPU on the sector dashboard),
 * which answers to people and hub admins never need. Those go without a `Cache-Control` header,
 * which the gateway reads as not cacheable.
 */
export function cacheScopePlugins<C extends BaseContext>(): ApolloServerPlugin<C>[] {
  const scope: ApolloServerPlugin<C> = {
    async requestDidStart() {
      return {
        async executionDidStart({ contextValue }) {
          const reads = readsOf(contextValue);
          if (reads) reads.executing = true;
        },
        async willSendResponse({ contextValue, overallCachePolicy, operation }) {
          if (operation?.operation !== 'query') overallCachePolicy.restrict({ maxAge: 0 });
          if (readsOf(contextValue)?.callerDependent) overallCachePolicy.restrict({ scope: 'PRIVATE' });
        },
      };
    },
  };
  const hints = ApolloServerPluginCacheControl({ defaultMaxAge: DEFAULT_CACHE_MAX_AGE_SECONDS, calculateHttpHeaders: true });
  // keeps the plugin's internal id, so that Apollo Server does not install its own beside it
  const hintsForShareableAnswers: ApolloServerPlugin<C> = {
    ...hints,
    async requestDidStart(request) {
      const reads = readsOf(request.contextValue);
      if (reads && !sharedCacheMayKeep(reads.identity as Identity)) return undefined;
      return hints.requestDidStart!(request as never);
    },
  };
  // order matters: the scope is restricted before the cache-control plugin writes the header
  return [scope, hintsForShareableAnswers];
}
