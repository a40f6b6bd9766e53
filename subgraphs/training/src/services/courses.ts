import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { defineLoader, exactLike, isUuid, likePattern, paginate, type ConnectionArgs, type Page, type References } from '@ngo-hub/kit';
import { Course } from '../entities/course';
import { CourseOffering } from '../entities/course-offering';
import type { CourseFilter, CreateCourseInput } from '../inputs/course.input';
import { validateCourse } from './course-validation';
import { openForEnrollmentCondition } from './seats';

/** Courses by id, many per query: the loader behind `course(id)`, `Enrollment.course` and `_entities`. */
export const courseById = defineLoader<string, Course | null>('courseById', async (ids, ctx) => {
  const valid = ids.filter(isUuid);
  const rows = valid.length ? await ctx.em.find(Course, { id: { $in: valid } }) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
});

export function courseWhere(em: EntityManager, filter: CourseFilter = {}): FilterQuery<Course> {
  const conditions: FilterQuery<Course>[] = [];
  const search = filter.search?.trim();
  if (search) {
    const pattern = likePattern(search);
    conditions.push({ $or: [{ title: { $ilike: pattern } }, { titleZh: { $ilike: pattern } }] });
  }
  if (filter.kinds?.length) conditions.push({ kind: { $in: filter.kinds } });
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
  return conditions.length ? { $and: conditions } : {};
}

export function listCourses(em: EntityManager, filter: CourseFilter | undefined, args: ConnectionArgs): Promise<Page<Course>> {
  return paginate(em, Course, courseWhere(em, filter), args, { by: 'startsOn' });
}

/**
 * Validates the input, checks with the organizations subgraph that every offering organization
 * exists, then writes the course and its offerings in one transaction.
 */
export async function createCourse(em: EntityManager, references: References, input: CreateCourseInput): Promise<Course> {
  const { fields, offeredByIds } = validateCourse(input);
  await references.assertExist('Organization', offeredByIds, 'offeredByIds');
  return em.transactional(async (tx) => {
    const course = tx.create(Course, fields);
    offeredByIds.forEach((organizationId, position) => tx.create(CourseOffering, { course, organizationId, position }));
    await tx.flush();
    return course;
  });
}
