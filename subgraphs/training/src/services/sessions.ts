import { LockMode, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import {
  assertTransition,
  ConflictError,
  definePageLoader,
  findOrNotFound,
  isUuid,
  NotFoundError,
  optionalText,
  type PageOrder,
  paginateByParent,
  type References,
} from '@ngo-hub/kit';
import { Session, sessionOrderKey } from '../entities/session';
import type { ScheduleSessionInput, SessionListArgs, UpdateSessionInput } from '../inputs/session.input';
import { SESSION_TRANSITIONS, SessionStatus } from '../vocabulary/session-status';
import { lockCourse } from './course-locks';
import { assertSessionFits, sessionData, validateNewSession, validateSessionChanges } from './session-validation';

/**
 * Adds a session to a course. The instructor must exist in the people subgraph; the course is
 * locked so that its dates cannot change under the check that the session lies within them.
 */
export async function scheduleSession(em: EntityManager, references: References, input: ScheduleSessionInput): Promise<Session> {
  const fields = validateNewSession(input);
  if (fields.instructorId) await references.assertExist('Person', [fields.instructorId], 'instructorId');
  return em.transactional(async (tx) => {
    const course = await lockCourse(tx, input.courseId, 'courseId');
    assertSessionFits(fields, course);
    const session = tx.create(Session, { ...fields, course, orderKey: sessionOrderKey(fields.heldOn, fields.startTime) });
    await tx.flush();
    return session;
  });
}

async function lockSession(em: EntityManager, id: string): Promise<Session> {
  const found = await findOrNotFound(em, Session, id, 'id');
  await lockCourse(em, found.course.id, 'id');
  const session = await em.findOne(Session, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!session) throw new NotFoundError('Session', id, 'id');
  return session;
}

/** Changes a SCHEDULED session; a cancelled one stays as it was cancelled. */
export async function updateSession(em: EntityManager, references: References, id: string, input: UpdateSessionInput): Promise<Session> {
  if (input.instructorId) {
    if (!isUuid(input.instructorId)) throw new NotFoundError('Person', input.instructorId, 'instructorId');
    await references.assertExist('Person', [input.instructorId], 'instructorId');
  }
  return em.transactional(async (tx) => {
    const session = await lockSession(tx, id);
    if (session.status !== SessionStatus.SCHEDULED) {
      throw new ConflictError(`a ${session.status} session cannot be changed; schedule a new one`, { field: 'id', from: session.status });
    }
    const fields = validateSessionChanges(input, session);
    assertSessionFits(fields, session.course);
    tx.assign(session, { ...sessionData(fields), orderKey: sessionOrderKey(fields.heldOn, fields.startTime) });
    await tx.flush();
    return session;
  });
}

/** Cancels a SCHEDULED session, keeping it (and the reason) in the course's list. */
export async function cancelSession(em: EntityManager, id: string, reason: string | null | undefined): Promise<Session> {
  const cancellationReason = optionalText(reason, 'reason', 1000);
  return em.transactional(async (tx) => {
    const session = await lockSession(tx, id);
    assertTransition(SESSION_TRANSITIONS, { subject: 'a session', from: session.status, to: SessionStatus.CANCELLED, field: 'id' });
    tx.assign(session, { status: SessionStatus.CANCELLED, cancellationReason });
    await tx.flush();
    return session;
  });
}

const ORDER: PageOrder<Session> = { by: 'orderKey' };

function statusWhere(args: SessionListArgs): FilterQuery<Session> {
  return args.status ? { status: args.status } : {};
}

/** `Course.sessions` for many courses: two queries whatever their number. */
export const sessionsByCourse = definePageLoader<Session, SessionListArgs>('sessionsByCourse', (courseIds, args, ctx) =>
  paginateByParent(ctx.em, Session, 'course', courseIds, statusWhere(args), args, ORDER),
);

/** `Person.taught` for many people: two queries whatever their number. */
export const sessionsByInstructor = definePageLoader<Session, SessionListArgs>('sessionsByInstructor', (personIds, args, ctx) =>
  paginateByParent(ctx.em, Session, 'instructorId', personIds, statusWhere(args), args, ORDER),
);
