import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt, type Rel } from '@mikro-orm/postgresql';
import { newId } from '@ngo-hub/kit/model';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Person } from './person';

/** Which national professional qualification a `Qualification` is. */
export enum QualificationKind {
  SOCIAL_WORK = 'SOCIAL_WORK',
}
registerEnumType(QualificationKind, {
  name: 'QualificationKind',
  description: 'A national professional qualification. Its levels are listed by the enum of that kind (SOCIAL_WORK: `SocialWorkQualification`).',
  valuesConfig: {
    SOCIAL_WORK: { description: "China's social-work professional qualification (社会工作者职业资格), examined nationally since 2008." },
  },
});

/** China's three national levels of social-work professional qualification, lowest first. */
export enum SocialWorkQualification {
  ASSISTANT_SOCIAL_WORKER = 'ASSISTANT_SOCIAL_WORKER',
  SOCIAL_WORKER = 'SOCIAL_WORKER',
  SENIOR_SOCIAL_WORKER = 'SENIOR_SOCIAL_WORKER',
}
registerEnumType(SocialWorkQualification, {
  name: 'SocialWorkQualification',
  description: "China's national social-work professional qualification levels, from the entry level up.",
  valuesConfig: {
    ASSISTANT_SOCIAL_WORKER: { description: 'Assistant social worker (助理社会工作师), the entry level.' },
    SOCIAL_WORKER: { description: 'Social worker (社会工作师), the intermediate level.' },
    SENIOR_SOCIAL_WORKER: { description: 'Senior social worker (高级社会工作师), the highest level.' },
  },
});

/** The levels in rising order: a level "meets" a requirement when it sits at or after it. */
export const SOCIAL_WORK_LEVELS: readonly SocialWorkQualification[] = [
  SocialWorkQualification.ASSISTANT_SOCIAL_WORKER,
  SocialWorkQualification.SOCIAL_WORKER,
  SocialWorkQualification.SENIOR_SOCIAL_WORKER,
];

/** A professional qualification a person holds. The person's highest social-work level is `Person.qualification`. */
@Entity({ tableName: 'qualification' })
@Unique({ properties: ['person', 'kind', 'level'] })
@Index({ properties: ['person', 'year', 'id'] })
@ObjectType({ description: 'A national professional qualification a person holds, at one level, with the year it was obtained.' })
export class Qualification {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Stable identifier (a UUID).' })
  id: string = newId();

  @ManyToOne(() => Person, { deleteRule: 'cascade', index: false })
  person: Rel<Person>;

  @Enum({ items: () => QualificationKind })
  @Field(() => QualificationKind, { description: 'Which qualification.' })
  kind: Opt<QualificationKind> = QualificationKind.SOCIAL_WORK;

  @Enum({ items: () => SocialWorkQualification })
  @Field(() => SocialWorkQualification, { description: 'The level held.' })
  level: SocialWorkQualification;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Year the level was obtained, if known.' })
  year?: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
