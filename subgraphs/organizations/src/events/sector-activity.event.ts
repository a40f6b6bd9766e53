import { CauseArea, ENTITY_DESCRIPTIONS, EVENT_TOPICS, HubEvent } from '@ngo-hub/kit';
import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Organization } from '../entities/organization';

/** The kinds of sector activity: one per topic of the hub's event log. */
export enum SectorActivityKind {
  ORGANIZATION_CHANGED = 'ORGANIZATION_CHANGED',
  GRANT_AWARDED = 'GRANT_AWARDED',
  JOB_POSTED = 'JOB_POSTED',
  ENROLLMENT_CHANGED = 'ENROLLMENT_CHANGED',
}

// the enum and the kit's topics are one list
const missing = EVENT_TOPICS.filter((topic) => !(topic in SectorActivityKind));
if (missing.length) throw new Error(`SectorActivityKind lacks ${missing.join(', ')}`);

registerEnumType(SectorActivityKind, {
  name: 'SectorActivityKind',
  description: 'What kind of change a sector activity is.',
  valuesConfig: {
    ORGANIZATION_CHANGED: { description: 'An organization joined the hub or changed.' },
    GRANT_AWARDED: { description: 'A funder awarded a grant.' },
    JOB_POSTED: { description: 'An organization opened a job posting.' },
    ENROLLMENT_CHANGED: { description: 'An enrollment in a course was made or changed.' },
  },
});

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Grant.type })
export class Grant {
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.Grant.id })
  id!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: ENTITY_DESCRIPTIONS.JobPosting.type })
export class JobPosting {
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.JobPosting.id })
  id!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Enrollment.type })
export class Enrollment {
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.Enrollment.id })
  id!: string;
}

@ObjectType({ description: 'One change in the sector, for a dashboard feed: the entity it is about is set, the others are null.' })
export class SectorActivityEvent extends HubEvent {
  @Field(() => SectorActivityKind)
  kind!: SectorActivityKind;

  @Field({ description: "One line for a feed (never a person's name)." })
  summary!: string;

  @Field(() => String, { nullable: true, description: 'The city the change happened in, in English.' })
  city?: string | null;

  @Field(() => [CauseArea], { description: 'The causes concerned.' })
  causes!: CauseArea[];

  @Field(() => Organization, { nullable: true, description: 'The organization concerned: the one changed, awarded, hiring or teaching.' })
  organization?: Organization;

  @Field(() => Grant, { nullable: true })
  grant?: Grant;

  @Field(() => JobPosting, { nullable: true })
  jobPosting?: JobPosting;

  @Field(() => Enrollment, { nullable: true })
  enrollment?: Enrollment;
}

@InputType({ description: 'Which sector activity to receive; every field given must match.' })
export class SectorActivityFilter {
  @Field({ nullable: true, description: 'City in English, ignoring case.' })
  city?: string;

  @Field(() => CauseArea, { nullable: true })
  cause?: CauseArea;

  @Field(() => [SectorActivityKind], { nullable: true, description: 'Only these kinds (all when omitted).' })
  kinds?: SectorActivityKind[];
}
