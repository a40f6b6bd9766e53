import { defineLoader, definePageLoader, findRows, mapPage, paginateByParent, type ConnectionArgs } from '@ngo-hub/kit';
import { Course } from '../entities/course';
import { CourseOffering } from '../entities/course-offering';
import { organizationRef, type OrganizationRef } from '../entities/organization-ref';
import { courseById } from './courses';

/** The organizations offering each course, in the order they were named, for many courses in one query. */
export const offeringOrganizationsByCourse = defineLoader<string, OrganizationRef[]>('offeringOrganizationsByCourse', async (courseIds, ctx) => {
  const offerings = await findRows(ctx.em, CourseOffering, { course: { $in: [...courseIds] } }, { orderBy: [{ position: 'asc' }, { id: 'asc' }] });
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
 * all those pages in one more (through `courseById`, shared with the rest of the request).
 */
export const coursesOfferedByOrganization = definePageLoader<Course, ConnectionArgs>('coursesOfferedByOrganization', async (organizationIds, args, ctx) => {
  const pages = await paginateByParent(ctx.em, CourseOffering, 'organizationId', organizationIds, {}, args, { by: 'createdAt' });
  const courses = await ctx.loaders.of(courseById).loadMany(pages.flatMap((page) => page.nodes.map((offering) => offering.course.id)));
  const byId = new Map(courses.filter((course): course is Course => course instanceof Course).map((course) => [course.id, course]));
  return pages.map((page) => mapPage(page, (offering) => byId.get(offering.course.id)!));
});
