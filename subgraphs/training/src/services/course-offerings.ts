import { defineLoader, definePageLoader, mapPage, paginateByParent, type ConnectionArgs } from '@ngo-hub/kit';
import type { Course } from '../entities/course';
import { CourseOffering } from '../entities/course-offering';
import { organizationRef, type OrganizationRef } from '../entities/organization-ref';
import { pagesOfUuidParents } from './uuid-parents';

/** The organizations offering each course, in the order they were named, for many courses in one query. */
export const offeringOrganizationsByCourse = defineLoader<string, OrganizationRef[]>('offeringOrganizationsByCourse', async (courseIds, ctx) => {
  const offerings = await ctx.em.find(
    CourseOffering,
    { course: { $in: [...courseIds] } },
    { orderBy: [{ position: 'asc' }, { id: 'asc' }] },
  );
  const byCourse = new Map<string, OrganizationRef[]>();
  for (const offering of offerings) {
    const list = byCourse.get(offering.course.id) ?? [];
    list.push(organizationRef(offering.organizationId));
    byCourse.set(offering.course.id, list);
  }
  return courseIds.map((id) => byCourse.get(id) ?? []);
});

/**
 * `Organization.coursesOffered` for many organizations: pages of offerings per organization
 * (one query for the rows, one for the totals when `totalCount` is read), then the courses of
 * all those pages in one more.
 */
export const coursesOfferedByOrganization = definePageLoader<Course, ConnectionArgs>('coursesOfferedByOrganization', async (organizationIds, args, ctx) => {
  const pages = await pagesOfUuidParents(organizationIds, args, (ids) =>
    paginateByParent(ctx.em, CourseOffering, 'organizationId', ids, {}, args, { by: 'createdAt' }),
  );
  await ctx.em.populate(
    pages.flatMap((page) => page.nodes),
    ['course'],
  );
  return pages.map((page) => mapPage(page, (offering) => offering.course));
});
