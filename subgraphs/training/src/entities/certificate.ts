import { ArrayType, Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/postgresql';
import { DateTimeScalar, newId } from '@ngo-hub/kit/model';
import { Field, ID, ObjectType } from 'type-graphql';
import { Course } from './course';
import { Enrollment } from './enrollment';

/**
 * Issued with a completion, in the same transaction. The holder's name and the issuing
 * organizations are kept as they were on the day of issue, as on a paper certificate.
 */
@Entity({ tableName: 'certificate' })
@Index({ properties: ['personId', 'issuedAt', 'id'] })
@ObjectType({ description: 'Proof that a person completed a course, verifiable by its code with `verifyCertificate`.' })
export class Certificate {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Stable identifier of the certificate.' })
  id: string = newId();

  /** 12 Crockford base32 characters without separators (see certificate-codes.ts). */
  @Property({ type: 'text' })
  @Unique()
  code: string;

  @ManyToOne(() => Enrollment)
  @Unique()
  enrollment: Enrollment;

  @ManyToOne(() => Course)
  course: Course;

  /** A Person of the people subgraph. */
  @Property({ type: 'uuid' })
  personId: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "The holder's name as printed on the certificate; null once the holder deleted their account and kept it verifiable.",
  })
  holderName?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: "The holder's name in Chinese as printed on the certificate." })
  holderNameZh?: string;

  @Property({ type: 'date' })
  @Field(() => Date, { description: 'The day the course was completed.' })
  completedOn: string;

  /** Millisecond precision, as JS keeps it, so that a page cursor holds the exact value. */
  @Property({ type: 'datetime', length: 3 })
  @Field(() => DateTimeScalar, { description: 'When the certificate was issued.' })
  issuedAt: Opt<Date> = new Date();

  /** Organizations of the organizations subgraph: the course's offering organizations on the day of issue. */
  @Property({ type: ArrayType, columnType: 'uuid[]' })
  issuerOrganizationIds: string[];
}
