import { GraphQLError } from 'graphql';
import type { Pool } from 'pg';
import { eventLogBounds } from './event-log';

/** Where a resume id came from, named in the error so the client knows what to fix. */
export type ResumeSource = 'since' | 'connectionParams.lastEventId';

/** An event id as the log hands them out: a whole number in a bigint, no sign, no leading zeros. */
const EVENT_ID = /^(0|[1-9]\d{0,18})$/;
const MAX_BIGINT = 2n ** 63n - 1n;

function badInput(source: ResumeSource, message: string): GraphQLError {
  return new GraphQLError(`${source}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field: source } });
}

/** The resume id's syntax alone (no database): a malformed one is BAD_USER_INPUT. */
export function parseEventId(raw: unknown, source: ResumeSource): bigint {
  const text = typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : raw;
  if (typeof text !== 'string' || !EVENT_ID.test(text) || BigInt(text) > MAX_BIGINT) {
    throw badInput(source, `${JSON.stringify(raw) ?? String(raw)} is not an event id (a whole number from a previous event's eventId)`);
  }
  return BigInt(text);
}

/**
 * Checks a client's resume id against the hub event log and returns it as a decimal string:
 * malformed or newer than the newest event → BAD_USER_INPUT; older than what the log still keeps
 * → EVENTS_EXPIRED, carrying the oldest event kept and the earliest id a client can resume
 * after (it should reload its view, then subscribe with that id). Undefined when none was given.
 */
export async function checkResumePoint(pool: Pool, raw: unknown, source: ResumeSource): Promise<string | undefined> {
  if (raw === undefined || raw === null) return undefined;
  const id = parseEventId(raw, source);
  const { newest, prunedThrough, oldest } = await eventLogBounds(pool);
  if (id > BigInt(newest)) throw badInput(source, `event ${id} does not exist yet: the newest event is ${newest}`);
  if (id < BigInt(prunedThrough)) {
    throw new GraphQLError(
      `${source}: the events after ${id} are no longer kept (the log keeps events after ${prunedThrough}); reload, then subscribe with since: "${prunedThrough}".`,
      { extensions: { code: 'EVENTS_EXPIRED', field: source, oldestEventId: oldest ?? null, resumeAfter: prunedThrough } },
    );
  }
  return id.toString();
}
