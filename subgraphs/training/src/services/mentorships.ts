import { LockMode, UniqueConstraintViolationException, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
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
  pastDate,
  type References,
  today,
  UserInputError,
} from '@ngo-hub/kit';
import { Course } from '../entities/course';
import { Enrollment } from '../entities/enrollment';
import { Mentorship } from '../entities/mentorship';
import type { MentorshipListArgs, ProposeMentorshipInput, StartMentorshipInput } from '../inputs/mentorship.input';
import { SEAT_HOLDING_STATUSES } from '../vocabulary/enrollment-status';
import { MENTORSHIP_TRANSITIONS, MentorshipEnding, MentorshipStatus } from '../vocabulary/mentorship-status';

/** Checks the two people (distinct, existing) and the course (existing, with the mentee in it). */
async function validatePair(em: EntityManager, references: References, input: ProposeMentorshipInput): Promise<Course | undefined> {
  if (input.mentorId === input.menteeId) throw new UserInputError('menteeId must be another person than mentorId', 'menteeId');
  for (const field of ['mentorId', 'menteeId'] as const) {
    if (!isUuid(input[field])) throw new NotFoundError('Person', input[field], field);
  }
  await references.assertExistByField('Person', { mentorId: input.mentorId, menteeId: input.menteeId });
  if (input.courseId === null || input.courseId === undefined) return undefined;
  const course = await findOrNotFound(em, Course, input.courseId, 'courseId');
  const seat = await em.findOne(Enrollment, { course, personId: input.menteeId, status: { $in: [...SEAT_HOLDING_STATUSES] } });
  if (!seat) {
    throw new ConflictError('a mentorship within a course needs a mentee who is ENROLLED in it or has COMPLETED it; enroll them first', { field: 'menteeId' });
  }
  return course;
}

function startDate(value: string | null | undefined, field: string): string {
  return pastDate(value, field) ?? today();
}

async function create(
  em: EntityManager,
  references: References,
  input: ProposeMentorshipInput,
  status: MentorshipStatus,
  startedOn?: string,
): Promise<Mentorship> {
  const focus = optionalText(input.focus, 'focus', 500);
  const course = await validatePair(em, references, input);
  try {
    return await em.transactional(async (tx) => {
      const mentorship = tx.create(Mentorship, { mentorId: input.mentorId, menteeId: input.menteeId, kind: input.kind, course, status, focus, startedOn });
      await tx.flush();
      return mentorship;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new ConflictError(`this mentor and mentee already have a PROPOSED or ACTIVE ${input.kind} mentorship; end it first`, { field: 'menteeId' });
    }
    throw error;
  }
}

/** Records a mentorship agreed in principle (PROPOSED). */
export function proposeMentorship(em: EntityManager, references: References, input: ProposeMentorshipInput): Promise<Mentorship> {
  return create(em, references, input, MentorshipStatus.PROPOSED);
}

/** Records a mentorship that is under way (ACTIVE) since `startedOn` (default today). */
export function startMentorship(em: EntityManager, references: References, input: StartMentorshipInput): Promise<Mentorship> {
  return create(em, references, input, MentorshipStatus.ACTIVE, startDate(input.startedOn, 'startedOn'));
}

async function lockMentorship(em: EntityManager, id: string): Promise<Mentorship> {
  const mentorship = await findOrNotFound(em, Mentorship, id, 'id', { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  return mentorship;
}

/** Starts a PROPOSED mentorship. */
export async function acceptMentorship(em: EntityManager, id: string, startedOn: string | null | undefined): Promise<Mentorship> {
  const day = startDate(startedOn, 'startedOn');
  return em.transactional(async (tx) => {
    const mentorship = await lockMentorship(tx, id);
    assertTransition(MENTORSHIP_TRANSITIONS, { subject: 'a mentorship', from: mentorship.status, to: MentorshipStatus.ACTIVE, field: 'id' });
    tx.assign(mentorship, { status: MentorshipStatus.ACTIVE, startedOn: day });
    await tx.flush();
    return mentorship;
  });
}

/** Completes an ACTIVE mentorship, or ends an ACTIVE or PROPOSED one early, on `endedOn` (default today). */
export async function endMentorship(em: EntityManager, id: string, outcome: MentorshipEnding, endedOn: string | null | undefined): Promise<Mentorship> {
  const day = startDate(endedOn, 'endedOn');
  const status = outcome === MentorshipEnding.COMPLETED ? MentorshipStatus.COMPLETED : MentorshipStatus.ENDED;
  return em.transactional(async (tx) => {
    const mentorship = await lockMentorship(tx, id);
    assertTransition(MENTORSHIP_TRANSITIONS, { subject: 'a mentorship', from: mentorship.status, to: status, field: 'id' });
    if (mentorship.startedOn && day < mentorship.startedOn) {
      throw new UserInputError(`endedOn must be on or after the day it started (${mentorship.startedOn}); got ${day}`, 'endedOn');
    }
    tx.assign(mentorship, { status, endedOn: day });
    await tx.flush();
    return mentorship;
  });
}

const ORDER: PageOrder<Mentorship> = { by: 'createdAt' };

function listWhere(args: MentorshipListArgs): FilterQuery<Mentorship> {
  return { ...(args.status ? { status: args.status } : {}), ...(args.kind ? { kind: args.kind } : {}) };
}

/** `Person.mentees` (the mentorships where they mentor) for many people: two queries. */
export const mentorshipsByMentor = definePageLoader<Mentorship, MentorshipListArgs>('mentorshipsByMentor', (personIds, args, ctx) =>
  paginateByParent(ctx.em, Mentorship, 'mentorId', personIds, listWhere(args), args, ORDER),
);

/** `Person.mentors` (the mentorships where they are mentored) for many people: two queries. */
export const mentorshipsByMentee = definePageLoader<Mentorship, MentorshipListArgs>('mentorshipsByMentee', (personIds, args, ctx) =>
  paginateByParent(ctx.em, Mentorship, 'menteeId', personIds, listWhere(args), args, ORDER),
);

/** `Course.mentorships` for many courses: two queries. */
export const mentorshipsByCourse = definePageLoader<Mentorship, MentorshipListArgs>('mentorshipsByCourse', (courseIds, args, ctx) =>
  paginateByParent(ctx.em, Mentorship, 'course', courseIds, listWhere(args), args, ORDER),
);
