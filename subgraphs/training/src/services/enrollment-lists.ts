import type { FilterQuery } from '@mikro-orm/postgresql';
import { definePageLoader, paginateByParent, type PageOrder, defineRowsById } from '@ngo-hub/kit';
import { Enrollment } from '../entities/enrollment';
import type { EnrollmentListArgs } from '../inputs/enrollment.input';
import { pagesOfUuidParents } from './uuid-parents';

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
  pagesOfUuidParents(personIds, args, (ids) => paginateByParent(ctx.em, Enrollment, 'personId', ids, statusWhere(args), args, ORDER)),
);

/** Enrollments by id, many per query. */
export const enrollmentById = defineRowsById('enrollmentById', Enrollment);
