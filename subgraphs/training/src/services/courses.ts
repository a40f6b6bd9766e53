import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  ConflictError,
  type ConnectionArgs,
  defineRowsById,
  exactLike,
  illustrativeCondition,
  isUuid,
  likePattern,
  type ListOrder,
  type Page,
  paginateChanges,
  type References,
} from '@ngo-hub/kit';
import { Course } from '../entities/course';
import { CourseOffering } from '../entities/course-offering';
import type { Enrollment } from '../entities/enrollment';
import { Session } from '../entities/session';
import { SessionStatus } from '../vocabulary/session-status';
import type { CourseFilter, CreateCourseInput, UpdateCourseInput } from '../inputs/course.input';
import { lockCourse } from './course-locks';
import { datesAfter, languageTag, validateCourse, validateCourseChanges } from './course-validation';
import { promoteFromWaitlist, seatsTaken } from './enrollments';
import { openForEnrollmentCondition } from './seats';

/** Courses by id, many per query: the loader behind `course(id)`, `Enrollment.course` and `_entities`. */
export const courseById = defineRowsById('courseById', Course);

export function courseWhere(em: EntityManager, filter: CourseFilter = {}): FilterQuery<Course> {
  const conditions: FilterQuery<Course>[] = [];
  const search = filter.search?.trim();
  if (search) {
    const pattern = likePattern(search);
    conditions.push({
      $or: [{ title: { $ilike: pattern } }, { titleZh: { $ilike: pattern } }, { description: { $ilike: pattern } }, { descriptionZh: { $ilike: pattern } }],
    });
  }
  if (filter.kinds?.length) conditions.push({ kind: { $in: filter.kinds } });
  conditions.push(...illustrativeCondition(filter.illustrative));
  if (filter.city) conditions.push({ city: { $ilike: exactLike(filter.city.trim()) } });
  if (filter.online !== undefined && filter.online !== null) conditions.push({ online: filter.online });
  if (filter.audiences?.length) conditions.push({ audiences: { $overlap: filter.audiences } });
  if (filter.startsAfter) conditions.push({ startsOn: { $gte: filter.startsAfter } });
  if (filter.startsBefore) conditions.push({ startsOn: { $lte: filter.startsBefore } });
  if (filter.openForEnrollment === true) conditions.push(openForEnrollmentCondition(em));
  if (filter.openForEnrollment === false) conditions.push({ $not: openForEnrollmentCondition(em) });
  if (filter.offeredBy !== undefined && filter.offeredBy !== null) {
    // One offering per (course, organization), so this join cannot repeat a course.
    conditions.push(isUuid(filter.offeredBy) ? { offerings: { organizationId: filter.offeredBy } } : { id: { $in: [] } });
  }
  if (filter.language) {
    const tag = languageTag(filter.language, 'filter.language');
    conditions.push({ $or: [{ language: { $ilike: exactLike(tag) } }, { language: { $ilike: `${exactLike(tag)}-%` } }] });
  }
  if (filter.runningOn) conditions.push({ startsOn: { $lte: filter.runningOn }, endsOn: { $gte: filter.runningOn } });
  if (filter.requiresApproval !== undefined && filter.requiresApproval !== null) conditions.push({ requiresApproval: filter.requiresApproval });
  if (filter.fundingGrant !== undefined && filter.fundingGrant !== null) {
    conditions.push(isUuid(filter.fundingGrant) ? { fundingGrantId: filter.fundingGrant } : { id: { $in: [] } });
  }
  return conditions.length ? { $and: conditions } : {};
}

export function listCourses(em: EntityManager, filter: CourseFilter | undefined, args: ConnectionArgs, orderBy?: ListOrder): Promise<Page<Course>> {
  return paginateChanges(em, Course, courseWhere(em, filter), args, { by: 'startsOn' }, { updatedSince: filter?.updatedSince, orderBy });
}

/**
 * Validates the input, checks with the organizations and funding subgraphs that every offering
 * organization and the funding grant exist, then writes the course and its offerings in one transaction.
 */
export async function createCourse(em: EntityManager, references: References, input: CreateCourseInput): Promise<Course> {
  const { fields, offeredByIds } = validateCourse(input);
  await references.assertExist('Organization', offeredByIds, 'offeredByIds');
  if (fields.fundingGrantId) await references.assertExist('Grant', [fields.fundingGrantId], 'fundingGrantId');
  return em.transactional(async (tx) => {
    const course = tx.create(Course, fields);
    offeredByIds.forEach((organizationId, position) => tx.create(CourseOffering, { course, organizationId, position }));
    await tx.flush();
    return course;
  });
}

/**
 * Changes a course under its lock. The capacity never drops below the seats taken, and seats it
 * adds go to the waiting list at once; the dates must still hold every scheduled session; a new
 * list of offering organizations keeps the rows of those that stay (and so their order in
 * `Organization.coursesOffered`).
 */
export async function updateCourse(
  em: EntityManager,
  references: References,
  id: string,
  input: UpdateCourseInput,
): Promise<{ course: Course; promoted: Enrollment[] }> {
  const { fields, offeredByIds } = validateCourseChanges(input);
  if (offeredByIds) await references.assertExist('Organization', offeredByIds, 'offeredByIds');
  if (fields.fundingGrantId) await references.assertExist('Grant', [fields.fundingGrantId as string], 'fundingGrantId');
  return em.transactional(async (tx) => {
    const course = await lockCourse(tx, id, 'id');
    const dates = datesAfter(course, fields);
    await assertSessionsWithin(tx, course, dates);
    if (fields.capacity !== undefined && fields.capacity !== null) {
      const taken = await seatsTaken(tx, course);
      if ((fields.capacity as number) < taken) {
        throw new ConflictError(`capacity cannot go below the ${taken} seats already taken (got ${fields.capacity}); drop enrollments first`, {
          field: 'capacity',
          taken,
        });
      }
    }
    tx.assign(course, fields);
    if (offeredByIds) await replaceOfferings(tx, course, offeredByIds);
    await tx.flush();
    const promoted = await promoteFromWaitlist(tx, course);
    return { course, promoted };
  });
}

async function assertSessionsWithin(em: EntityManager, course: Course, dates: { startsOn: string; endsOn: string }): Promise<void> {
  if (dates.startsOn === course.startsOn && dates.endsOn === course.endsOn) return;
  const outside = await em.findOne(
    Session,
    { course, status: SessionStatus.SCHEDULED, $or: [{ heldOn: { $lt: dates.startsOn } }, { heldOn: { $gt: dates.endsOn } }] },
    { orderBy: [{ orderKey: 'asc' }] },
  );
  if (outside) {
    const field = outside.heldOn < dates.startsOn ? 'startsOn' : 'endsOn';
    throw new ConflictError(
      `the course would run ${dates.startsOn} to ${dates.endsOn}, but it has a session on ${outside.heldOn}; move or cancel that session first`,
      { field, sessionId: outside.id },
    );
  }
}

async function replaceOfferings(em: EntityManager, course: Course, organizationIds: string[]): Promise<void> {
  const current = new Map((await em.find(CourseOffering, { course })).map((offering) => [offering.organizationId, offering]));
  organizationIds.forEach((organizationId, position) => {
    const kept = current.get(organizationId);
    if (kept) kept.position = position;
    else em.create(CourseOffering, { course, organizationId, position });
    current.delete(organizationId);
  });
  for (const gone of current.values()) em.remove(gone);
}
