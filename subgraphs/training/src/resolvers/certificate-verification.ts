import { DateTimeScalar } from '@ngo-hub/kit';
import { Field, ObjectType } from 'type-graphql';
import { Course } from '../entities/course';
import { OrganizationRef } from '../entities/organization-ref';

/**
 * What anyone holding a certificate's code may learn: who (by the name printed on it), what,
 * when and issued by whom. Deliberately not the Person: no id, nothing else about the holder.
 */
@ObjectType({ description: 'A certificate as a verifier sees it: who completed what, when, issued by whom; nothing else about the holder.' })
export class CertificateVerification {
  @Field({ description: 'The code, as printed (e.g. "7K2M-QX9P-4DRT").' })
  code: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The holder's name as printed on the certificate; null when the holder deleted their account and chose to keep the certificate verifiable without it.",
  })
  holderName: string | null;

  @Field(() => String, { nullable: true, description: "The holder's name in Chinese as printed on the certificate." })
  holderNameZh: string | null;

  @Field(() => Course, { description: 'The course completed.' })
  course: Course;

  @Field(() => Date, { description: 'The day it was completed.' })
  completedOn: string;

  @Field(() => DateTimeScalar, { description: 'When the certificate was issued.' })
  issuedAt: Date;

  @Field(() => [OrganizationRef], { description: 'The organizations that issued it: those offering the course on the day of issue, lead first.' })
  issuedBy: OrganizationRef[];
}
