import { wrap, type EntityManager } from '@mikro-orm/postgresql';
import { HubEvent, ENROLLMENT_CHANGED, publishEvent } from '@ngo-hub/kit';
import { Field, ObjectType } from 'type-graphql';
import { Course } from '../entities/course';
import { Enrollment } from '../entities/enrollment';
import { EnrollmentStatus } from '../vocabulary/enrollment-status';

@ObjectType({ description: 'An enrollment was made or changed status (approved, waitlisted, promoted, dropped, completed).' })
export class EnrollmentChangedEvent extends HubEvent {
  @Field(() => EnrollmentStatus, { description: 'The status the enrollment moved to.' })
  status!: EnrollmentStatus;

  @Field(() => Enrollment, { nullable: true, description: 'The enrollment as it is now; null if you may not read it (enrollments are personal data).' })
  enrollment?: Enrollment;
}

const VERB: Record<EnrollmentStatus, string> = {
  APPLIED: 'Someone applied to',
  ENROLLED: 'Someone enrolled in',
  WAITLISTED: 'Someone joined the waiting list of',
  DROPPED: 'Someone left',
  COMPLETED: 'Someone completed',
};

async function courseOf(em: EntityManager, enrollment: Enrollment): Promise<Course> {
  return wrap(enrollment.course).isInitialized() ? enrollment.course : em.findOneOrFail(Course, { id: enrollment.course.id });
}

/** Records the enrollment's new status in the outbox, in the transaction that sets it. No name: feeds are public. */
export async function publishEnrollmentChanged(em: EntityManager, enrollment: Enrollment): Promise<void> {
  const course = await courseOf(em, enrollment);
  publishEvent(em, ENROLLMENT_CHANGED, {
    summary: `${VERB[enrollment.status]} ${course.title}${course.city ? ` (${course.city})` : ''}`,
    city: course.city ?? null,
    causes: course.causeAreas ?? [],
    refs: { enrollment: { id: enrollment.id } },
    fields: { status: enrollment.status },
    match: { course: course.id, city: course.city ?? null, cause: course.causeAreas ?? [], person: enrollment.personId },
  });
}
