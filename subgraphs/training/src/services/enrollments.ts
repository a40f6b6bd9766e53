import { publishEnrollmentChanged } from '../events/enrollment-changed.event';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { assertTransition, ConflictError, isUuid, NotFoundError, type References, today } from '@ngo-hub/kit';
import type { Certificate } from '../entities/certificate';
import type { Course } from '../entities/course';
import { Enrollment } from '../entities/enrollment';
import { ENROLLMENT_TRANSITIONS, EnrollmentStatus, SEAT_HOLDING_STATUSES } from '../vocabulary/enrollment-status';
import { issueCertificate } from './certificates';
import { lockCourse, lockEnrollment } from './course-locks';

export function seatsTaken(em: EntityManager, course: Course): Promise<number> {
  return em.count(Enrollment, { course, status: { $in: [...SEAT_HOLDING_STATUSES] } });
}

function assertOpen(course: Course, field: string): void {
  if (course.endsOn < today()) throw new ConflictError(`the course ended on ${course.endsOn}; enrollment is closed`, { field });
}

/**
 * Enrolls a person: APPLIED when the course requires approval, else ENROLLED, or WAITLISTED
 * when it is full. The course row is locked while seats are counted, so concurrent enrollments
 * never exceed the capacity.
 */
export async function enrollPerson(em: EntityManager, references: References, courseId: string, personId: string): Promise<Enrollment> {
  if (!isUuid(personId)) throw new NotFoundError('Person', personId, 'personId');
  await references.assertExist('Person', [personId], 'personId');
  try {
    return await em.transactional(async (tx) => {
      const course = await lockCourse(tx, courseId, 'courseId');
      assertOpen(course, 'courseId');
      const existing = await tx.findOne(Enrollment, { course, personId });
      if (existing) {
        throw new ConflictError(`person ${personId} already has an enrollment in this course (${existing.status})`, {
          field: 'personId',
          enrollmentId: existing.id,
        });
      }
      const status = course.requiresApproval ? EnrollmentStatus.APPLIED : await admissionStatus(tx, course);
      const enrollment = tx.create(Enrollment, { course, personId, status });
      await publishEnrollmentChanged(tx, enrollment);
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

/** ENROLLED when a seat is free, else WAITLISTED; the caller holds the course lock. */
async function admissionStatus(em: EntityManager, course: Course): Promise<EnrollmentStatus> {
  const full = course.capacity != null && (await seatsTaken(em, course)) >= course.capacity;
  return full ? EnrollmentStatus.WAITLISTED : EnrollmentStatus.ENROLLED;
}

/** Admits an APPLIED enrollment: ENROLLED when a seat is free, else WAITLISTED. */
export async function approveEnrollment(em: EntityManager, id: string): Promise<Enrollment> {
  return em.transactional(async (tx) => {
    const enrollment = await lockEnrollment(tx, id, 'id', { withCourse: true });
    if (enrollment.status !== EnrollmentStatus.APPLIED) {
      throw new ConflictError(`only an APPLIED enrollment can be approved; this one is ${enrollment.status}`, { field: 'id', from: enrollment.status });
    }
    assertOpen(enrollment.course, 'id');
    const status = await admissionStatus(tx, enrollment.course);
    assertTransition(ENROLLMENT_TRANSITIONS, { subject: 'an enrollment', from: enrollment.status, to: status, field: 'id' });
    enrollment.status = status;
    await publishEnrollmentChanged(tx, enrollment);
    await tx.flush();
    return enrollment;
  });
}

/**
 * Drops an enrollment (or turns down an application). When it held a seat, the first person on
 * the waiting list (by the time they applied) takes it, in the same transaction.
 */
export async function dropEnrollment(em: EntityManager, id: string): Promise<{ enrollment: Enrollment; promoted: Enrollment | null }> {
  return em.transactional(async (tx) => {
    const enrollment = await lockEnrollment(tx, id, 'id', { withCourse: true });
    assertTransition(ENROLLMENT_TRANSITIONS, { subject: 'an enrollment', from: enrollment.status, to: EnrollmentStatus.DROPPED, field: 'id' });
    enrollment.status = EnrollmentStatus.DROPPED;
    await publishEnrollmentChanged(tx, enrollment);
    await tx.flush();
    const [promoted] = await promoteFromWaitlist(tx, enrollment.course);
    return { enrollment, promoted: promoted ?? null };
  });
}

/**
 * Moves people from the waiting list into the seats that are free, first come first served.
 * The caller holds the course lock. A course that has ended promotes nobody.
 */
export async function promoteFromWaitlist(em: EntityManager, course: Course): Promise<Enrollment[]> {
  if (course.endsOn < today()) return [];
  const free = course.capacity == null ? undefined : course.capacity - (await seatsTaken(em, course));
  if (free !== undefined && free <= 0) return [];
  const next = await em.find(Enrollment, { course, status: EnrollmentStatus.WAITLISTED }, { orderBy: [{ appliedAt: 'asc' }, { id: 'asc' }], limit: free });
  for (const enrollment of next) {
    assertTransition(ENROLLMENT_TRANSITIONS, { subject: 'an enrollment', from: enrollment.status, to: EnrollmentStatus.ENROLLED, field: 'id' });
    enrollment.status = EnrollmentStatus.ENROLLED;
    await publishEnrollmentChanged(em, enrollment);
  }
  await em.flush();
  return next;
}

/**
 * Marks an enrollment COMPLETED and issues its certificate, in the caller's transaction. The
 * caller holds the enrollment's row lock; completing frees no seat, so the course is not locked.
 */
export async function markCompleted(em: EntityManager, references: References, enrollment: Enrollment, field: string): Promise<Certificate> {
  assertTransition(ENROLLMENT_TRANSITIONS, { subject: 'an enrollment', from: enrollment.status, to: EnrollmentStatus.COMPLETED, field });
  enrollment.status = EnrollmentStatus.COMPLETED;
  await publishEnrollmentChanged(em, enrollment);
  const certificate = await issueCertificate(em, references, enrollment);
  await em.flush();
  return certificate;
}

/** Records that an ENROLLED person completed the course, with their certificate. */
export async function completeEnrollment(em: EntityManager, references: References, id: string): Promise<{ enrollment: Enrollment; certificate: Certificate }> {
  return em.transactional(async (tx) => {
    const enrollment = await lockEnrollment(tx, id, 'id', { withCourse: false });
    const certificate = await markCompleted(tx, references, enrollment, 'id');
    return { enrollment, certificate };
  });
}
