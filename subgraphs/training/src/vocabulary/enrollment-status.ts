import { registerEnumType } from 'type-graphql';
import type { TransitionTable } from '@ngo-hub/kit';

export enum EnrollmentStatus {
  APPLIED = 'APPLIED',
  ENROLLED = 'ENROLLED',
  WAITLISTED = 'WAITLISTED',
  COMPLETED = 'COMPLETED',
  DROPPED = 'DROPPED',
}

registerEnumType(EnrollmentStatus, {
  name: 'EnrollmentStatus',
  description: 'Where a person stands in a course.',
  valuesConfig: {
    APPLIED: { description: 'Has applied to a course that requires approval; not yet admitted. Holds no seat.' },
    ENROLLED: { description: 'Admitted: holds a seat.' },
    WAITLISTED: { description: 'The course was full; moves up to ENROLLED, first come first served, when a seat frees up.' },
    COMPLETED: { description: 'Finished the course and holds its certificate. Still counts as having held a seat.' },
    DROPPED: { description: 'Left the course, or was taken off the waiting list. Holds no seat.' },
  },
});

/**
 * Enrollments that occupy one of a course's seats. COMPLETED ones count too: a participant who
 * finishes early does not free a seat for someone else in the same run of the course.
 */
export const SEAT_HOLDING_STATUSES: readonly EnrollmentStatus[] = [EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED];

/**
 * Which status an enrollment may take next. An applicant is admitted (ENROLLED, or WAITLISTED
 * when the course is full) or turned down (DROPPED); COMPLETED and DROPPED are final.
 */
export const ENROLLMENT_TRANSITIONS: TransitionTable<EnrollmentStatus> = {
  [EnrollmentStatus.APPLIED]: [EnrollmentStatus.ENROLLED, EnrollmentStatus.WAITLISTED, EnrollmentStatus.DROPPED],
  [EnrollmentStatus.WAITLISTED]: [EnrollmentStatus.ENROLLED, EnrollmentStatus.DROPPED],
  [EnrollmentStatus.ENROLLED]: [EnrollmentStatus.COMPLETED, EnrollmentStatus.DROPPED],
  [EnrollmentStatus.COMPLETED]: [],
  [EnrollmentStatus.DROPPED]: [],
};
