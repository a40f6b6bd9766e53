import { LockMode, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, isUuid, NotFoundError, today, type References } from '@ngo-hub/kit';
import { Course } from '../entities/course';
import { Enrollment } from '../entities/enrollment';
import { EnrollmentStatus, SEAT_HOLDING_STATUSES } from '../vocabulary/enrollment-status';

/** Locks the course row: every change to who holds its seats runs one at a time per course. */
async function lockCourse(em: EntityManager, courseId: string, field: string): Promise<Course> {
  const course = isUuid(courseId) ? await em.findOne(Course, { id: courseId }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!course) throw new NotFoundError('Course', courseId, field);
  return course;
}

function seatsTaken(em: EntityManager, course: Course): Promise<number> {
  return em.count(Enrollment, { course, status: { $in: [...SEAT_HOLDING_STATUSES] } });
}

/**
 * Enrolls a person, or puts them on the waiting list when the course is full. The course row is
 * locked while seats are counted, so concurrent enrollments never exceed the capacity.
 */
export async function enrollPerson(em: EntityManager, references: References, courseId: string, personId: string): Promise<Enrollment> {
  if (!isUuid(personId)) throw new NotFoundError('Person', personId, 'personId');
  await references.assertExist('Person', [personId], 'personId');
  try {
    return await em.transactional(async (tx) => {
      const course = await lockCourse(tx, courseId, 'courseId');
      if (course.endsOn < today()) {
        throw new ConflictError(`the course ended on ${course.endsOn}; enrollment is closed`, { field: 'courseId' });
      }
      const existing = await tx.findOne(Enrollment, { course, personId });
      if (existing) {
        throw new ConflictError(`person ${personId} already has an enrollment in this course (${existing.status})`, { field: 'personId', enrollmentId: existing.id });
      }
      const full = course.capacity != null && (await seatsTaken(tx, course)) >= course.capacity;
      const enrollment = tx.create(Enrollment, { course, personId, status: full ? EnrollmentStatus.WAITLISTED : EnrollmentStatus.ENROLLED });
      await tx.flush();
      return enrollment;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new ConflictError(`person ${personId} already has an enrollment in this course`, { field: 'personId' });
    }
    throw error;
  }
}

/** Loads an enrollment and locks its course; the course lock orders this change with enrollments. */
async function lockEnrollment(em: EntityManager, id: string): Promise<Enrollment> {
  const found = isUuid(id) ? await em.findOne(Enrollment, { id }) : null;
  if (!found) throw new NotFoundError('Enrollment', id, 'id');
  await lockCourse(em, found.course.id, 'id');
  // read again under the lock: another transaction may have changed it in the meantime
  const enrollment = await em.refresh(found);
  if (!enrollment) throw new NotFoundError('Enrollment', id, 'id');
  return enrollment;
}

const DROPPABLE = new Set([EnrollmentStatus.APPLIED, EnrollmentStatus.ENROLLED, EnrollmentStatus.WAITLISTED]);

/**
 * Drops an enrollment. When it held a seat, the first person on the waiting list (by the time
 * they applied) takes it, in the same transaction.
 */
export async function dropEnrollment(em: EntityManager, id: string): Promise<{ enrollment: Enrollment; promoted: Enrollment | null }> {
  return em.transactional(async (tx) => {
    const enrollment = await lockEnrollment(tx, id);
    if (!DROPPABLE.has(enrollment.status)) {
      throw new ConflictError(`an enrollment that is ${enrollment.status} cannot be dropped; only APPLIED, ENROLLED or WAITLISTED ones can`, { field: 'id' });
    }
    enrollment.status = EnrollmentStatus.DROPPED;
    await tx.flush();
    const promoted = await promoteFromWaitlist(tx, enrollment.course);
    return { enrollment, promoted };
  });
}

async function promoteFromWaitlist(em: EntityManager, course: Course): Promise<Enrollment | null> {
  if (course.capacity != null && (await seatsTaken(em, course)) >= course.capacity) return null;
  const next = await em.findOne(Enrollment, { course, status: EnrollmentStatus.WAITLISTED }, { orderBy: [{ appliedAt: 'asc' }, { id: 'asc' }] });
  if (!next) return null;
  next.status = EnrollmentStatus.ENROLLED;
  await em.flush();
  return next;
}

/** Marks an ENROLLED person as having completed the course; any other status is a conflict. */
export async function completeEnrollment(em: EntityManager, id: string): Promise<Enrollment> {
  return em.transactional(async (tx) => {
    const enrollment = await lockEnrollment(tx, id);
    if (enrollment.status !== EnrollmentStatus.ENROLLED) {
      throw new ConflictError(`only an ENROLLED enrollment can be completed; this one is ${enrollment.status}`, { field: 'id' });
    }
    enrollment.status = EnrollmentStatus.COMPLETED;
    await tx.flush();
    return enrollment;
  });
}
