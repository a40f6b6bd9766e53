import type { DocumentNode } from 'graphql';
import { payloadResolutions } from './metrics';
import { fetchDocument, fetchVariables, type EntityQuery, type QueryExecutor } from './entity-query';
import type { LiveEvent } from './event-stream';

export type FetchResult = Awaited<ReturnType<QueryExecutor>>;

interface Contribution {
  query: EntityQuery;
  resolve: (result: FetchResult) => void;
}

/** Merged fetches that came back with errors (the limits refused them, or a part failed): split before trying again. */
const refused = new Set<string>();
const REFUSED_KEPT = 1000;

/** Payload fetches in flight at most; others wait their turn, oldest event first. */
const CONCURRENT_FETCHES = 16;
let inFlight = 0;
const waiting: (() => void)[] = [];

async function limited<T>(fetch: () => Promise<T>): Promise<T> {
  if (inFlight >= CONCURRENT_FETCHES) await new Promise<void>((resolve) => waiting.push(resolve));
  else inFlight += 1;
  try {
    return await fetch();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else inFlight -= 1;
  }
}

/** Merged documents by their parts' ids: the same subscribers merge the same way event after event. */
const merged = new Map<string, DocumentNode>();
const MERGED_KEPT = 200;

function mergedDocument(text: string, queries: readonly EntityQuery[]): DocumentNode {
  let document = merged.get(text);
  if (!document) {
    document = fetchDocument(queries);
    if (merged.size >= MERGED_KEPT) merged.delete(merged.keys().next().value!);
    merged.set(text, document);
  }
  return document;
}

/**
 * The entity fetches of one event for one caller: every selection asked for the event while the
 * batch is open (until the current round of callbacks has run) goes into one query, so the
 * gateway makes one fetch per subgraph and level however many selections there are. A merged
 * fetch that comes back with errors is fetched again in halves, so that one subscriber's
 * selection (a field it may not read, a limit) cannot null another's. Such a merge is remembered
 * and split straight away next time, so a selection that always fails costs a few fetches per
 * event, not a retry of the whole merge.
 */
export class EntityFetchBatch {
  private readonly contributions: Contribution[] = [];
  /** Set once the batch has started: later selections go into a new batch. */
  closed = false;

  constructor(
    private readonly runQuery: QueryExecutor,
    private readonly event: LiveEvent,
  ) {
    setImmediate(() => {
      this.closed = true;
      void this.run(this.contributions.splice(0));
    });
  }

  add(query: EntityQuery): Promise<FetchResult> {
    return new Promise((resolve) => this.contributions.push({ query, resolve }));
  }

  private async run(parts: Contribution[]): Promise<void> {
    if (!parts.length) return;
    const queries = parts.map((p) => p.query);
    try {
      const text = queries.map((q) => q.id).join(',');
      const document = mergedDocument(text, queries);
      if (parts.length === 1 || !refused.has(text)) {
        payloadResolutions.inc();
        const result = await limited(() => this.runQuery(document, fetchVariables(this.event, queries)));
        if (parts.length === 1 || !result.errors?.length) {
          for (const part of parts) part.resolve(result);
          return;
        }
        // refused by the limits, or one part's fields failing: next time, split straight away
        if (refused.size >= REFUSED_KEPT) refused.clear();
        refused.add(text);
      }
      const half = Math.ceil(parts.length / 2);
      await Promise.all([this.run(parts.slice(0, half)), this.run(parts.slice(half))]);
    } catch (error) {
      const failed: FetchResult = {
        errors: [{ message: error instanceof Error ? error.message : String(error), extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      };
      for (const part of parts) part.resolve(failed);
    }
  }
}
