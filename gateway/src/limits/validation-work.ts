import { GraphQLError, parse, type DocumentNode } from 'graphql';
import type { IncomingMessage } from 'node:http';
import type { Caller } from './caller';
import type { LimitsConfig } from './limits-config';
import { measureWork, type OperationWork } from './operation-work';

const LIMITS = {
  selections: { variable: 'MAX_SELECTIONS', what: 'selections (fields and fragments, a fragment counted at each spread)', key: 'maxSelections' },
  fieldPairs: { variable: 'MAX_FIELD_PAIRS', what: 'pairs of fields answering to the same name at the same place', key: 'maxFieldPairs' },
} as const;

/**
 * GRAPHQL_VALIDATION_FAILED (HTTP 400, `extensions.limit`) when `document` asks for more
 * validation work than `caller` may (anonymous callers get less); undefined when it may be
 * validated. In production the message names the rule only; in development it gives the limit,
 * its variable and the work counted before counting stopped (`extensions.counted`).
 */
export function workRefusal(config: LimitsConfig, caller: Caller | undefined, document: DocumentNode): GraphQLError | undefined {
  const authenticated = !!caller?.authenticated;
  const limits = authenticated ? config.work.authenticated : config.work.anonymous;
  const work = measureWork(document, limits);
  if (!work.exceeded) return undefined;
  const limit = LIMITS[work.exceeded];
  const max = limits[limit.key];
  if (config.mode === 'production') {
    return new GraphQLError('query too complex', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: work.exceeded, http: { status: 400 } } });
  }
  const counted: Pick<OperationWork, 'selections' | 'fieldPairs'> = { selections: work.selections, fieldPairs: work.fieldPairs };
  return new GraphQLError(
    `The operation asks for too much validation work: more than ${max} ${limit.what} (${limit.variable}${authenticated ? '' : '_ANONYMOUS'})${authenticated ? '' : '; authenticated callers may send more'}.`,
    { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: work.exceeded, max, counted, http: { status: 400 } } },
  );
}

/** The operation texts of an HTTP request: a POST's body (one operation or a batch), or a GET's `query`. */
function requestTexts(req: IncomingMessage, body: unknown): unknown[] {
  if (body === undefined) return [new URL(req.url ?? '/', 'http://gateway').searchParams.get('query')];
  return (Array.isArray(body) ? body : [body]).map((operation) =>
    operation && typeof operation === 'object' ? (operation as { query?: unknown }).query : undefined,
  );
}

/**
 * `workRefusal` for every operation an HTTP request sends as text, before Apollo parses and
 * validates any of them: one over the limit refuses the request (a batch as a whole). A text that
 * does not parse is left to Apollo to report. Operations sent by APQ hash alone were counted when
 * their text was registered.
 */
export function requestWorkRefusal(config: LimitsConfig, caller: Caller, req: IncomingMessage, body: unknown): GraphQLError | undefined {
  for (const text of requestTexts(req, body)) {
    if (typeof text !== 'string' || !text) continue;
    let document: DocumentNode;
    try {
      document = parse(text, { maxTokens: config.maxTokens, noLocation: true });
    } catch {
      continue;
    }
    const refusal = workRefusal(config, caller, document);
    if (refusal) return refusal;
  }
  return undefined;
}
