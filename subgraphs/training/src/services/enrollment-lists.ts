import type { FilterQuery } from '@mikro-orm/postgresql';
import { defineLoader, definePageLoader, isUuid, paginateByParent, type PageOrder } from '@ngo-hub/kit';
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
export const enrollmentById = defineLoader<string, Enrollment | null>('enrollmentById', async (ids, ctx) => {
  const valid = ids.filter(isUuid);
  const rows = valid.length ? await ctx.em.find(Enrollment, { id: { $in: valid } }) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
});
