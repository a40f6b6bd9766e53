import { Check, Embedded, Entity, Enum, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/postgresql';
import {
  CreatedAt,
  ENTITY_DESCRIPTIONS,
  ExactNumericType,
  newId,
  Provenance,
  PROVENANCE_FIELD_DESCRIPTION,
  UpdatedAt,
  CacheControl,
  CACHE_MAX_AGE,
} from '@ngo-hub/kit/model';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { SKILL_KEYS_FUNCTION } from './person';
import { SocialWorkQualification } from './qualification';

export enum JobKind {
  FULL_TIME = 'FULL_TIME',
  PART_TIME = 'PART_TIME',
  INTERNSHIP = 'INTERNSHIP',
  VOLUNTEER = 'VOLUNTEER',
}
registerEnumType(JobKind, {
  name: 'JobKind',
  description: 'What kind of position a posting offers.',
  valuesConfig: {
    FULL_TIME: { description: 'Full-time employment (全职).' },
    PART_TIME: { description: 'Part-time employment (兼职).' },
    INTERNSHIP: { description: 'Internship (实习), typically for students.' },
    VOLUNTEER: { description: 'Volunteer position (志愿者).' },
  },
});

export enum JobPostingStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  FILLED = 'FILLED',
}
registerEnumType(JobPostingStatus, {
  name: 'JobPostingStatus',
  description: 'Where a posting stands: DRAFT → OPEN → CLOSED or FILLED (a draft may also be closed unpublished).',
  valuesConfig: {
    DRAFT: { description: 'Written, not yet published; takes no applications and is not listed unless asked for.' },
    OPEN: { description: 'Published; takes applications between `opensOn` and `closesOn`.' },
    CLOSED: { description: 'No longer takes applications; final.' },
    FILLED: { description: 'The position was filled; takes no applications; final.' },
  },
});

export enum PayPeriod {
  HOUR = 'HOUR',
  DAY = 'DAY',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}
registerEnumType(PayPeriod, {
  name: 'PayPeriod',
  description: 'The period a salary amount is paid for.',
  valuesConfig: {
    HOUR: { description: 'Per hour.' },
    DAY: { description: 'Per day (common for internships, 日薪).' },
    MONTH: { description: 'Per month (the usual way salaries are stated in China, 月薪).' },
    YEAR: { description: 'Per year.' },
  },
});

/** A position an organization offers. The organization lives in the organizations subgraph: only its id is kept here. */
@Entity({ tableName: 'job_posting' })
@Index({ properties: ['updatedAt', 'id'] })
@Index({ properties: ['createdAt', 'id'] })
@Index({ properties: ['organizationId', 'createdAt', 'id'] })
@Index({ name: 'job_posting_city_lower_index', expression: 'create index "job_posting_city_lower_index" on "people"."job_posting" (lower("city"))' })
@Index({ name: 'job_posting_skill_keys_index', properties: ['skillKeys'], type: 'gin' })
@Check({ name: 'job_posting_place_check', expression: 'city is not null or remote' })
@Check({ name: 'job_posting_dates_check', expression: 'closes_on is null or opens_on is null or closes_on >= opens_on' })
@Check({
  name: 'job_posting_salary_check',
  expression:
    '(salary_currency is null and salary_min is null and salary_max is null and salary_period is null) or ' +
    '(salary_currency is not null and salary_period is not null and (salary_min is not null or salary_max is not null) ' +
    'and coalesce(salary_min, 0) >= 0 and (salary_min is null or salary_max is null or salary_min <= salary_max))',
})
@CacheControl({ maxAge: CACHE_MAX_AGE.talentMarket })
@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.JobPosting.type })
export class JobPosting {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.JobPosting.id })
  id: string = newId();

  @Property({ type: 'uuid' })
  organizationId: string;

  @Property({ type: 'text' })
  @Field({ description: 'Title of the position in English, e.g. Project officer.' })
  title: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Title of the position in Chinese, e.g. 项目官员.' })
  titleZh?: string;

  @Enum({ items: () => JobKind })
  @Field(() => JobKind, { description: 'Full-time, part-time, internship or volunteer.' })
  kind: JobKind;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'City of the workplace in English, e.g. Chengdu; null for a remote-only position.' })
  city?: string;

  @Property({ type: 'boolean', default: false })
  @Field(() => Boolean, { description: 'True when the work can be done remotely (with `city`: hybrid).' })
  remote: Opt<boolean> = false;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the work is.' })
  description?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the organization asks of candidates, in free text.' })
  requirements?: string;

  @Property({ type: 'text[]', default: '{}' })
  @Field(() => [String], { description: "Skills the position asks for, in free text; matched to people's skills ignoring case." })
  skills: Opt<string[]> = [];

  /** `skills` lower-cased by Postgres, like `Person.skillKeys` (lazy, as it is). */
  @Property({ type: 'text[]', generated: `(${SKILL_KEYS_FUNCTION}(skills)) stored`, lazy: true })
  skillKeys: Opt<string[]>;

  @Enum({ items: () => SocialWorkQualification, nullable: true })
  @Field(() => SocialWorkQualification, {
    nullable: true,
    description: 'Lowest social-work qualification level a candidate must hold; null when none is required.',
  })
  minimumQualification?: SocialWorkQualification;

  @Property({ type: ExactNumericType, nullable: true })
  salaryMin?: string;

  @Property({ type: ExactNumericType, nullable: true })
  salaryMax?: string;

  @Property({ type: 'string', columnType: 'char(3)', nullable: true })
  salaryCurrency?: string;

  @Enum({ items: () => PayPeriod, nullable: true })
  salaryPeriod?: PayPeriod;

  @Property({ type: 'date', nullable: true })
  @Field(() => Date, { nullable: true, description: 'First day applications are taken; null: from publication.' })
  opensOn?: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Last day applications are taken; null: until the posting is closed.' })
  closesOn?: string;

  @Enum({ items: () => JobPostingStatus })
  @Field(() => JobPostingStatus, { description: 'Where the posting stands.' })
  status: Opt<JobPostingStatus> = JobPostingStatus.OPEN;

  @CreatedAt('When the posting was written; lists of postings show the newest first.')
  createdAt!: Opt<Date>;

  @UpdatedAt()
  updatedAt!: Opt<Date>;

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: PROVENANCE_FIELD_DESCRIPTION })
  provenance: Opt<Provenance> = new Provenance();
}
