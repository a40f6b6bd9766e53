import { type AuthSubject, findOrNotFound, type HubContext, isUuid, NotFoundError } from '@ngo-hub/kit';
import { CourseModule } from '../entities/course-module';
import { Enrollment } from '../entities/enrollment';
import { Session } from '../entities/session';
import { Mentorship } from '../entities/mentorship';
import { offeringOrganizationsByCourse } from './course-offerings';
import { courseById } from './courses';
import { enrollmentById } from './enrollment-lists';

/**
 * What training's `@Auth` rules look at: a course belongs to the organizations that offer it; an
 * enrollment is about its person and relates to the course's organizations.
 */
export async function courseOrganizations(ctx: HubContext, courseId: string, field = 'courseId'): Promise<AuthSubject> {
  const course = isUuid(courseId) ? await ctx.loaders.load(courseById, courseId) : null;
  if (!course) throw new NotFoundError('Course', courseId, field);
  return { organizationIds: (await ctx.loaders.load(offeringOrganizationsByCourse, courseId)).map((o) => o.id) };
}

export async function enrollmentSubject(enrollment: Enrollment, ctx: HubContext): Promise<AuthSubject> {
  return { personId: enrollment.personId, organizationIds: (await ctx.loaders.load(offeringOrganizationsByCourse, enrollment.course.id)).map((o) => o.id) };
}

export async function enrollmentSubjectById(ctx: HubContext, id: string, field = 'id'): Promise<AuthSubject> {
  const enrollment = isUuid(id) ? await ctx.loaders.load(enrollmentById, id) : null;
  if (!enrollment) throw new NotFoundError('Enrollment', id, field);
  return enrollmentSubject(enrollment, ctx);
}

export async function moduleOrganizations(ctx: HubContext, moduleId: string, field = 'moduleId'): Promise<AuthSubject> {
  const module = await findOrNotFound(ctx.em, CourseModule, moduleId, field);
  return courseOrganizations(ctx, module.course.id, field);
}

export async function sessionOrganizations(ctx: HubContext, sessionId: string, field = 'id'): Promise<AuthSubject> {
  const session = await findOrNotFound(ctx.em, Session, sessionId, field);
  return courseOrganizations(ctx, session.course.id, field);
}

/** A mentorship is about its mentor and its mentee. */
export function mentorshipPeople(input: { mentorId: string; menteeId: string }): AuthSubject {
  return { personIds: [input.mentorId, input.menteeId] };
}

export async function mentorshipSubjectById(ctx: HubContext, id: string, field = 'id'): Promise<AuthSubject> {
  const mentorship = await findOrNotFound(ctx.em, Mentorship, id, field);
  return mentorshipPeople(mentorship);
}
