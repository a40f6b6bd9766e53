import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { findOrNotFound, NotFoundError } from '@ngo-hub/kit';
import { Course } from '../entities/course';
import { Enrollment } from '../entities/enrollment';

/**
 * Locks a course row for the rest of the transaction. Every change to who holds a course's seats,
 * and to its capacity, dates and curriculum, takes this lock first, so they run one at a time per course.
 */
export async function lockCourse(em: EntityManager, courseId: string, field: string): Promise<Course> {
  const course = await findOrNotFound(em, Course, courseId, field, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  return course;
}

/**
 * Locks an enrollment row (after its course's row when `withCourse`, the one order every writer
 * takes them in) and returns it as it is under the lock.
 */
export async function lockEnrollment(em: EntityManager, id: string, field: string, options: { withCourse: boolean }): Promise<Enrollment> {
  const found = await findOrNotFound(em, Enrollment, id, field);
  if (options.withCourse) await lockCourse(em, found.course.id, field);
  const enrollment = await em.findOne(Enrollment, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!enrollment) throw new NotFoundError('Enrollment', id, field);
  return enrollment;
}
