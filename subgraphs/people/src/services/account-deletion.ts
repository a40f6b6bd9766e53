import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { requestErasure, SUBGRAPHS, type ErasureOptions, type References, type SubgraphName } from '@ngo-hub/kit';
import type { Logger } from 'pino';
import { Affiliation } from '../entities/affiliation';
import { Education } from '../entities/education';
import { ErasureRequest } from '../entities/erasure-request';
import { JobApplication } from '../entities/job-application';
import { Person, ProfileVisibility } from '../entities/person';
import { Qualification } from '../entities/qualification';
import { Recommendation } from '../entities/recommendation';

/** The name an erased person's tombstone answers with wherever their id is still referenced. */
export const ERASED_NAME = 'Erased person';

/** The subgraphs besides people that hold data about a person and must confirm its erasure. */
const OTHERS = SUBGRAPHS.filter((name) => name !== 'people');

/**
 * Erases what people holds about a person: the profile becomes a nameless, unlisted tombstone
 * (its id stays, so applications, enrollments and certificates elsewhere keep pointing at
 * something), education, qualifications, affiliations and recommendations go, and applications
 * keep no cover note. Idempotent.
 */
export async function erasePersonInPeople(em: EntityManager, personId: string): Promise<number> {
  const person = await em.findOne(Person, personId);
  if (!person) return 0;
  let touched = 0;
  if (!person.erasedAt) {
    Object.assign(person, {
      name: ERASED_NAME,
      nameZh: null,
      roles: [],
      city: null,
      province: null,
      skills: [],
      languages: [],
      bio: null,
      bioZh: null,
      email: null,
      phone: null,
      visibility: ProfileVisibility.PRIVATE,
      openToWork: false,
      erasedAt: new Date(),
    });
    touched += 1;
  }
  touched += await em.nativeDelete(Education, { person: personId });
  touched += await em.nativeDelete(Qualification, { person: personId });
  touched += await em.nativeDelete(Affiliation, { person: personId });
  touched += await em.nativeDelete(Recommendation, { $or: [{ candidate: personId }, { recommender: personId }] } as never);
  touched += await em.nativeUpdate(JobApplication, { person: personId, coverNote: { $ne: null } }, { coverNote: null });
  await em.flush();
  return touched;
}

/** Where a deletion stands: complete once every subgraph confirmed. */
export interface AccountDeletionState {
  personId: string;
  complete: boolean;
  pending: string[];
}

function stateOf(request: ErasureRequest): AccountDeletionState {
  return { personId: request.personId, complete: request.pending.length === 0, pending: [...request.pending] };
}

/**
 * Records the request and erases people's part in one transaction, then asks every other
 * subgraph to erase theirs. A subgraph that does not confirm stays pending and is asked again
 * (`catchUpErasures`); calling this again is safe and retries what is pending.
 */
export async function deleteAccount(
  em: EntityManager,
  references: References,
  log: Logger,
  personId: string,
  options: ErasureOptions,
): Promise<AccountDeletionState> {
  const request = await em.transactional(async (tx) => {
    let existing = await tx.findOne(ErasureRequest, { personId });
    if (!existing) {
      existing = tx.create(ErasureRequest, { personId, keepCertificatesVerifiable: options.keepCertificatesVerifiable, pending: [...OTHERS] });
    } else if (existing.pending.length > 0) {
      // a retry before every subgraph confirmed may still change the choice about certificates
      existing.keepCertificatesVerifiable = options.keepCertificatesVerifiable;
    }
    await erasePersonInPeople(tx, personId);
    await tx.flush();
    return existing;
  });
  const state = stateOf(await askPending(em, references, log, request));
  if (!state.complete) noteIncompleteErasure();
  return state;
}

/** Asks each pending subgraph once; records who confirmed and the last error. */
async function askPending(em: EntityManager, references: References, log: Logger, request: ErasureRequest): Promise<ErasureRequest> {
  const options = { keepCertificatesVerifiable: request.keepCertificatesVerifiable };
  const results = await Promise.all(
    request.pending.map(async (subgraph) => {
      try {
        await requestErasure(references, subgraph as SubgraphName, request.personId, options);
        return { subgraph, error: undefined };
      } catch (error) {
        log.warn({ subgraph, personId: request.personId, err: error }, 'erasure not confirmed; will retry');
        return { subgraph, error: (error as Error).message };
      }
    }),
  );
  const confirmed = new Set(results.filter((r) => !r.error).map((r) => r.subgraph));
  const lastError = results.find((r) => r.error)?.error ?? null;
  // under a row lock, so two concurrent retries never resurrect one another's confirmations
  return em.fork().transactional(async (tx) => {
    const row = (await tx.findOne(ErasureRequest, { personId: request.personId }, { lockMode: LockMode.PESSIMISTIC_WRITE }))!;
    row.pending = row.pending.filter((subgraph) => !confirmed.has(subgraph));
    row.lastError = lastError;
    row.completedAt = row.pending.length === 0 ? (row.completedAt ?? new Date()) : null;
    await tx.flush();
    return row;
  });
}

/** Asks the subgraphs still pending for every incomplete deletion; returns how many completed. */
export async function catchUpErasures(em: EntityManager, references: References, log: Logger): Promise<number> {
  const fork = em.fork();
  const open = await fork.find(ErasureRequest, { completedAt: null }, { limit: 100, orderBy: { requestedAt: 'asc' } });
  let completed = 0;
  for (const request of open) {
    if ((await askPending(fork, references, log, request)).pending.length === 0) completed += 1;
  }
  return completed;
}

/**
 * Set when a deletion is left incomplete (and at start-up): the retries look for work only then,
 * so an idle subgraph runs no statement of its own in between requests.
 */
let mayHavePending = true;

export function noteIncompleteErasure(): void {
  mayHavePending = true;
}

/** Retries incomplete deletions every `intervalMs` while the subgraph runs. */
export function erasureRetries(
  services: { em: EntityManager; references: References; log: Logger },
  intervalMs = Number(process.env.ERASURE_RETRY_MS ?? 5000),
) {
  let running: Promise<unknown> = Promise.resolve();
  const retry = async () => {
    if (!mayHavePending) return;
    mayHavePending = false;
    const fork = services.em.fork();
    const before = await fork.count(ErasureRequest, { completedAt: null });
    if (before === 0) return;
    const completed = await catchUpErasures(services.em, services.references, services.log);
    if (completed < before) mayHavePending = true;
  };
  const timer = setInterval(() => {
    running = retry().catch((error: unknown) => {
      mayHavePending = true;
      services.log.warn({ err: error }, 'erasure retry failed');
    });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
