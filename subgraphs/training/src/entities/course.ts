import { Check, Collection, Embedded, Entity, Enum, Index, OneToMany, PrimaryKey, Property, type Opt } from '@mikro-orm/postgresql';
import {
  Provenance,
  PROVENANCE_FIELD_DESCRIPTION,
  CauseArea,
  ExactNumericType,
  newId,
  ENTITY_DESCRIPTIONS,
  CreatedAt,
  UpdatedAt,
  CacheControl,
  CACHE_MAX_AGE,
} from '@ngo-hub/kit/model';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Audience } from '../vocabulary/audience';
import { CourseKind } from '../vocabulary/course-kind';
import { CourseOffering } from './course-offering';
import { Recognition } from './recognition';

@Entity({ tableName: 'course' })
@Index({ properties: ['updatedAt', 'id'] })
@Index({ properties: ['startsOn', 'id'] })
@Index({ properties: ['fundingGrantId'] })
// Trigram indexes (pg_trgm) serve the case-insensitive `search` filter on titles and descriptions (ILIKE), English and Chinese alike.
@Index({ name: 'course_title_trgm_index', expression: 'create index "course_title_trgm_index" on "training"."course" using gin ("title" public.gin_trgm_ops)' })
@Index({
  name: 'course_title_zh_trgm_index',
  expression: 'create index "course_title_zh_trgm_index" on "training"."course" using gin ("title_zh" public.gin_trgm_ops)',
})
@Index({
  name: 'course_description_trgm_index',
  expression: 'create index "course_description_trgm_index" on "training"."course" using gin ("description" public.gin_trgm_ops)',
})
@Index({
  name: 'course_description_zh_trgm_index',
  expression: 'create index "course_description_zh_trgm_index" on "training"."course" using gin ("description_zh" public.gin_trgm_ops)',
})
@Check({ name: 'course_dates_check', expression: 'ends_on >= starts_on' })
@Check({ name: 'course_capacity_check', expression: 'capacity is null or capacity >= 1' })
@Check({ name: 'course_fee_check', expression: '(fee_amount is null) = (fee_currency is null) and (fee_amount is null or fee_amount > 0)' })
@CacheControl({ maxAge: CACHE_MAX_AGE.directory })
@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Course.type })
export class Course {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.Course.id })
  id: string = newId();

  @Property({ type: 'text' })
  @Field({ description: "Title in English (or in the course's own language)." })
  title: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Title in Chinese, e.g. 高级社工督导培训.' })
  titleZh?: string;

  @Enum({ items: () => CourseKind })
  @Field(() => CourseKind, { description: 'The format: training camp, workshop, supervision programme, ...' })
  kind: CourseKind;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the course covers, in English.' })
  description?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the course covers, in Chinese.' })
  descriptionZh?: string;

  @Enum({ items: () => Audience, array: true, default: [] })
  @Field(() => [Audience], { description: 'Who the course is meant for; empty when open to anyone.' })
  audiences: Opt<Audience[]> = [];

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'City in English where it takes place, e.g. Chengdu; null when online only or not yet announced.' })
  city?: string;

  @Property({ type: 'boolean', default: false })
  @Field(() => Boolean, { description: 'True when it can be followed online (wholly or partly).' })
  online: Opt<boolean> = false;

  @Property({ type: 'date' })
  @Field(() => Date, { description: 'First day.' })
  startsOn: string;

  @Property({ type: 'date' })
  @Field(() => Date, { description: 'Last day; never before the first.' })
  endsOn: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'When it meets, in words, e.g. "every Saturday 9:00–12:00"; the dated sessions are in `sessions`.' })
  schedule?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'When it meets, in Chinese, e.g. "每周六 9:00–12:00".' })
  scheduleZh?: string;

  @Property({ type: 'text', default: 'Asia/Shanghai' })
  @Field(() => String, { description: 'IANA time zone of its sessions\' start and end times, e.g. "Asia/Shanghai".' })
  timeZone: Opt<string> = 'Asia/Shanghai';

  @Property({ type: 'text', default: 'zh' })
  @Field(() => String, { description: 'Language of instruction as a BCP 47 tag, e.g. "zh" or "en".' })
  language: Opt<string> = 'zh';

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'How many people can take part (at least 1); null when unlimited.' })
  capacity?: number;

  @Property({ type: ExactNumericType, nullable: true })
  feeAmount?: string;

  @Property({ type: 'text', nullable: true })
  feeCurrency?: string;

  @Property({ type: 'boolean', default: false })
  @Field(() => Boolean, {
    description: 'True: applicants start as APPLIED until an offering organization approves them; false: they are ENROLLED at once (WAITLISTED when full).',
  })
  requiresApproval: Opt<boolean> = false;

  /** A Grant of the funding subgraph. */
  @Property({ type: 'uuid', nullable: true })
  fundingGrantId?: string;

  @Embedded(() => Recognition, { array: true, defaultRaw: `'[]'` })
  @Field(() => [Recognition], { description: 'Awards and distinctions the course received, oldest first.' })
  recognitions: Opt<Recognition[]> = [];

  @Enum({ items: () => CauseArea, array: true, default: [] })
  @Field(() => [CauseArea], { description: 'The causes the course serves.' })
  causeAreas: Opt<CauseArea[]> = [];

  @OneToMany(() => CourseOffering, (offering) => offering.course)
  offerings = new Collection<CourseOffering>(this);

  @CreatedAt()
  createdAt!: Opt<Date>;

  @UpdatedAt()
  updatedAt!: Opt<Date>;

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: PROVENANCE_FIELD_DESCRIPTION })
  provenance: Opt<Provenance> = new Provenance();
}
