import { defineLoader, definePageLoader, paginateByParent, type ConnectionArgs, type Page } from '@ngo-hub/kit';
import type { Course } from '../entities/course';
import { CourseOffering } from '../entities/course-offering';
import { organizationRef, type OrganizationRef } from '../entities/organization-ref';

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
 * (one query for the rows, one for the totals), then the courses of all those pages in one more.
 */
export const coursesOfferedByOrganization = definePageLoader<Course, ConnectionArgs>('coursesOfferedByOrganization', async (organizationIds, args, ctx) => {
  const pages = await paginateByParent(ctx.em, CourseOffering, 'organizationId', organizationIds, {}, args, { by: 'createdAt' });
  await ctx.em.populate(
    pages.flatMap((page) => page.nodes),
    ['course'],
  );
  return pages.map(
    (page): Page<Course> => ({
      ...page,
      nodes: page.nodes.map((offering) => offering.course),
      edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.course })),
    }),
  );
});
