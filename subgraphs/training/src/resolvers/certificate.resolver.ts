import type { HubContext } from '@ngo-hub/kit';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Certificate } from '../entities/certificate';
import { Course } from '../entities/course';
import { Enrollment } from '../entities/enrollment';
import { OrganizationRef, organizationRef } from '../entities/organization-ref';
import { PersonRef, personRef } from '../entities/person-ref';
import { formatCertificateCode } from '../services/certificate-codes';
import { certificateByCode } from '../services/certificates';
import { courseById } from '../services/courses';
import { enrollmentById } from '../services/enrollment-lists';
import { CertificateVerification } from './certificate-verification';

@Resolver(() => Certificate)
export class CertificateResolver {
  @Query(() => CertificateVerification, {
    nullable: true,
    description:
      'Checks a certificate by the code printed on it (any case, hyphens optional): who completed what, when, issued by whom. Null when no certificate has this code.',
  })
  async verifyCertificate(
    @Arg('code', { description: 'The code on the certificate, e.g. "7K2M-QX9P-4DRT".' }) code: string,
    @Ctx() ctx: HubContext,
  ): Promise<CertificateVerification | null> {
    const certificate = await certificateByCode(ctx.em, code);
    if (!certificate) return null;
    return Object.assign(new CertificateVerification(), {
      code: formatCertificateCode(certificate.code),
      holderName: certificate.holderName ?? null,
      holderNameZh: certificate.holderNameZh ?? null,
      course: await this.course(certificate, ctx),
      completedOn: certificate.completedOn,
      issuedAt: certificate.issuedAt,
      issuedBy: this.issuedBy(certificate),
    });
  }

  @FieldResolver(() => String, { description: 'The code to verify it with `verifyCertificate`, as printed (e.g. "7K2M-QX9P-4DRT").' })
  code(@Root() certificate: Certificate): string {
    return formatCertificateCode(certificate.code);
  }

  @FieldResolver(() => PersonRef, { description: 'The person who holds it.' })
  holder(@Root() certificate: Certificate): PersonRef {
    return personRef(certificate.personId);
  }

  @FieldResolver(() => Course, { description: 'The course completed.' })
  async course(@Root() certificate: Certificate, @Ctx() ctx: HubContext): Promise<Course> {
    const course = await ctx.loaders.load(courseById, certificate.course.id);
    if (!course) throw new Error(`certificate ${certificate.id} points at missing course ${certificate.course.id}`);
    return course;
  }

  @FieldResolver(() => [OrganizationRef], { description: 'The organizations that issued it: those offering the course on the day of issue, lead first.' })
  issuedBy(@Root() certificate: Certificate): OrganizationRef[] {
    return certificate.issuerOrganizationIds.map(organizationRef);
  }

  @FieldResolver(() => Enrollment, { description: 'The completed enrollment it certifies.' })
  async enrollment(@Root() certificate: Certificate, @Ctx() ctx: HubContext): Promise<Enrollment> {
    const enrollment = await ctx.loaders.load(enrollmentById, certificate.enrollment.id);
    if (!enrollment) throw new Error(`certificate ${certificate.id} points at missing enrollment ${certificate.enrollment.id}`);
    return enrollment;
  }
}
