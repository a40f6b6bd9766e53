import type { DocumentStore } from '@apollo/server';
import type { DocumentNode, ParseOptions, ValidationRule } from 'graphql';
import { LRUCache } from 'lru-cache';
import { AsyncLocalStorage } from 'node:async_hooks';

const derived = new AsyncLocalStorage<true>();

/**
 * Runs `operation` as one the gateway built itself from operations the limits already admitted
 * (an event's payload fetch, merging every subscriber's selection of it): the limits on what a
 * client may send (depth, cost, aliases, directives, tokens) do not apply to what runs inside, as
 * a merge of 100 admitted selections is 100 times one. Everything else does: it runs with the
 * credentials of the context it is given, through the same Apollo pipeline. A client cannot
 * claim this: it is a mark on the gateway's own call, not on anything a request carries.
 */
export function runDerived<T>(operation: () => Promise<T>): Promise<T> {
  return derived.run(true, operation);
}

/** Whether the code running now is inside `runDerived`. */
export function isDerived(): boolean {
  return derived.getStore() === true;
}

/** A client-facing limit: checks every operation but those the gateway derived (`runDerived`). */
export function forClientsOnly(rule: ValidationRule): ValidationRule {
  return (context) => (isDerived() ? {} : rule(context));
}

/** Parser options whose token limit applies to clients' texts only (graphql reads `maxTokens` once per parse, inside the operation's call). */
export function clientParseOptions(maxTokens: number): ParseOptions {
  return {
    get maxTokens() {
      return isDerived() ? undefined : maxTokens;
    },
  };
}

const DERIVED_KEY = 'derived:';

/**
 * Apollo's store of parsed and validated documents, by the hash of their text, which lets it skip
 * validation when the same text comes again. A derived operation was validated without the client
 * limits, so it is kept apart: a client sending the same text is validated with them.
 * (Apollo's keys are `<schema hash>:<query hash>`, never starting with `derived:`.)
 */
export function splitDocumentStore(maxBytes = 32 * 1024 * 1024): DocumentStore {
  // a parsed document is some times its text; Apollo parses with locations, so `loc.end` is the text's length
  const cache = new LRUCache<string, DocumentNode>({ maxSize: maxBytes, sizeCalculation: (document) => 4 * (document.loc?.end ?? 1000) + 1 });
  const keyOf = (key: string) => (isDerived() ? `${DERIVED_KEY}${key}` : key);
  return {
    async get(key) {
      return cache.get(keyOf(key));
    },
    async set(key, document) {
      cache.set(keyOf(key), document);
    },
    async delete(key) {
      return cache.delete(keyOf(key));
    },
  };
}
