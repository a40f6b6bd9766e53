import type { FilterQuery } from '@mikro-orm/postgresql';
import { definePageLoader, defineRowsById, type PageOrder, paginateByParent } from '@ngo-hub/kit';
import { Enrollment } from '../entities/enrollment';
import type { EnrollmentListArgs } from '../inputs/enrollment.input';

const ORDER: PageOrder<Enrollment> = { by: 'appliedAt' };

function statusWhere(args: EnrollmentListArgs): FilterQuery<Enrollment> {
  return args.status ? { status: args.status } : {};
}

/** `Course.enrollments` for many courses: two queries whatever their number. */
export const enrollmentsByCourse = definePageLoader<Enrollment, EnrollmentListArgs>('enrollmentsByCourse', (courseIds, args, ctx) =>
  paginateByParent(ctx.em, Enrollment, 'course', courseIds, statusWhere(args), args, ORDER),
);

/** `Person.enrollments` for many people: two queries whatever their number. */
export const enrollmentsByPerson = definePageLoader<Enrollment, EnrollmentListArgs>('enrollmentsByPerson', (personIds, args, ctx) =>
  paginateByParent(ctx.em, Enrollment, 'personId', personIds, statusWhere(args), args, ORDER),
);

/** Enrollments by id, many per query. */
export const enrollmentById = defineRowsById('enrollmentById', Enrollment);
