import type { EntityManager } from '@mikro-orm/postgresql';
import { defineLoader, definePageLoader, NotFoundError, paginateByParent, today, type ConnectionArgs, type References } from '@ngo-hub/kit';
import { Certificate } from '../entities/certificate';
import { CourseOffering } from '../entities/course-offering';
import type { Enrollment } from '../entities/enrollment';
import { newCertificateCode, parseCertificateCode } from './certificate-codes';
import { personNames } from './person-names';

/**
 * The certificate of a completion, created in the caller's transaction (flushed with it): the
 * holder's name comes from the people subgraph, the issuers are the course's offering
 * organizations, both as they are today.
 */
export async function issueCertificate(em: EntityManager, references: References, enrollment: Enrollment): Promise<Certificate> {
  const [names, offerings] = await Promise.all([
    personNames(references, [enrollment.personId]),
    em.find(CourseOffering, { course: enrollment.course }, { orderBy: [{ position: 'asc' }, { id: 'asc' }] }),
  ]);
  const holder = names.get(enrollment.personId);
  if (!holder) throw new NotFoundError('Person', enrollment.personId, 'personId');
  return em.create(Certificate, {
    code: newCertificateCode(),
    enrollment,
    course: enrollment.course,
    personId: enrollment.personId,
    holderName: holder.name,
    holderNameZh: holder.nameZh ?? undefined,
    completedOn: today(),
    issuerOrganizationIds: offerings.map((offering) => offering.organizationId),
  });
}

/** The certificate with this code, or null; a code that cannot be one is BAD_USER_INPUT. */
export function certificateByCode(em: EntityManager, code: string): Promise<Certificate | null> {
  return em.findOne(Certificate, { code: parseCertificateCode(code, 'code') });
}

/** `Enrollment.certificate` for many enrollments in one query. */
export const certificateByEnrollment = defineLoader<string, Certificate | null>('certificateByEnrollment', async (enrollmentIds, ctx) => {
  const rows = await ctx.em.find(Certificate, { enrollment: { $in: [...enrollmentIds] } });
  const byEnrollment = new Map(rows.map((row) => [row.enrollment.id, row]));
  return enrollmentIds.map((id) => byEnrollment.get(id) ?? null);
});

/** `Person.certificates` for many people: two queries whatever their number. */
export const certificatesByPerson = definePageLoader<Certificate, ConnectionArgs>('certificatesByPerson', (personIds, args, ctx) =>
  paginateByParent(ctx.em, Certificate, 'personId', personIds, {}, args, { by: 'issuedAt' }),
);
