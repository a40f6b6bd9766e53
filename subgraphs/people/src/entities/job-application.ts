import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Rel } from '@mikro-orm/postgresql';
import { Auth, AuthRule, DateTimeScalar, type HubContext, newId } from '@ngo-hub/kit/model';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { JobPosting } from './job-posting';
import { Person } from './person';
import { applicationSubject } from '../services/row-subjects';

export enum ApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  SHORTLISTED = 'SHORTLISTED',
  OFFERED = 'OFFERED',
  HIRED = 'HIRED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description:
    'Where an application stands: SUBMITTED → SHORTLISTED → OFFERED → HIRED; the organization may reject it and the applicant may withdraw it before it is final.',
  valuesConfig: {
    SUBMITTED: { description: 'Sent by the applicant; not yet reviewed.' },
    SHORTLISTED: { description: 'The organization shortlisted the applicant (e.g. for an interview).' },
    OFFERED: { description: 'The organization offered the position.' },
    HIRED: { description: 'The applicant took the position; final.' },
    REJECTED: { description: 'The organization turned the application down; final.' },
    WITHDRAWN: { description: 'The applicant withdrew the application; final.' },
  },
});

/** Statuses after which nothing changes; an application in any other status is still in play. */
export const FINAL_APPLICATION_STATUSES: readonly ApplicationStatus[] = [ApplicationStatus.HIRED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN];

/** Statuses that end an application without the person taking the position: the person may apply again. */
export const CLOSED_APPLICATION_STATUSES: readonly ApplicationStatus[] = [ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN];

/** A person's application to a posting. */
@Entity({ tableName: 'job_application' })
@Index({ properties: ['posting', 'submittedAt', 'id'] })
@Index({ properties: ['person', 'submittedAt', 'id'] })
@Unique({
  name: 'job_application_one_active_per_person_and_posting',
  expression:
    'create unique index "job_application_one_active_per_person_and_posting" on "people"."job_application" ("posting_id", "person_id") ' +
    "where status not in ('REJECTED', 'WITHDRAWN')",
})
@ObjectType({ description: "A person's application to a job posting, and where it stands." })
export class JobApplication {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Stable identifier (a UUID).' })
  id: string = newId();

  @ManyToOne(() => JobPosting, { deleteRule: 'cascade', index: false })
  posting: Rel<JobPosting>;

  @ManyToOne(() => Person, { deleteRule: 'cascade', index: false })
  person: Rel<Person>;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the applicant wrote to the organization.' })
  @Auth(AuthRule.SELF_OR_ORGANIZATION_EDITOR, (application: JobApplication, _args: unknown, ctx: HubContext) => applicationSubject(application, ctx))
  coverNote?: string;

  @Enum({ items: () => ApplicationStatus })
  @Field(() => ApplicationStatus, { description: 'Where the application stands.' })
  status: Opt<ApplicationStatus> = ApplicationStatus.SUBMITTED;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  @Field(() => DateTimeScalar, { description: 'When the application was sent.' })
  submittedAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  @Field(() => DateTimeScalar, { description: 'When the status last changed (the submission, for a SUBMITTED application).' })
  statusChangedAt: Opt<Date> = new Date();
}
