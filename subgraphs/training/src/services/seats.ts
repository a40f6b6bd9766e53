import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { countByParent, defineLoader, today } from '@ngo-hub/kit';
import type { Course } from '../entities/course';
import { Enrollment } from '../entities/enrollment';
import { SEAT_HOLDING_STATUSES } from '../vocabulary/enrollment-status';

/** Seats taken per course (ENROLLED and COMPLETED enrollments), many courses in one grouped query. */
export const seatsTakenByCourse = defineLoader<string, number>('seatsTakenByCourse', async (courseIds, ctx) => {
  const taken = await countByParent(ctx.em, Enrollment, 'course', courseIds, { status: { $in: [...SEAT_HOLDING_STATUSES] } });
  return courseIds.map((id) => taken.get(id) ?? 0);
});

/** Free seats of a course with `taken` seats held; null when the course is unlimited. */
export function seatsLeft(course: Pick<Course, 'capacity'>, taken: number): number | null {
  return course.capacity == null ? null : Math.max(course.capacity - taken, 0);
}

/**
 * Courses that start today or later and have a seat left or no limit: those not among the full
 * ones, found by one uncorrelated subquery, so a page of open courses stays one statement.
 */
export function openForEnrollmentCondition(em: EntityManager): FilterQuery<Course> {
  const schema = em.config.get('schema');
  const statuses = SEAT_HOLDING_STATUSES.map((status) => `'${status}'`).join(', ');
  const fullCourseIds = raw(
    `(select seat.course_id from "${schema}"."enrollment" as seat join "${schema}"."course" as full_course on full_course.id = seat.course_id
      where seat.status in (${statuses}) and full_course.capacity is not null and full_course.starts_on >= ?
      group by seat.course_id, full_course.capacity having count(*) >= full_course.capacity)`,
    [today()],
  );
  return { startsOn: { $gte: today() }, id: { $nin: fullCourseIds } };
}
