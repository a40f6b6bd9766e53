import { Collection, Entity, Enum, Index, OneToMany, PrimaryKey, Property, type Opt } from '@mikro-orm/postgresql';
import { newId, ENTITY_DESCRIPTIONS } from '@ngo-hub/kit';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Affiliation } from './affiliation';

export enum PersonRole {
  SOCIAL_WORKER = 'SOCIAL_WORKER',
  STUDENT = 'STUDENT',
  TEACHER = 'TEACHER',
  VOLUNTEER = 'VOLUNTEER',
  RESEARCHER = 'RESEARCHER',
  FOUNDER = 'FOUNDER',
  OFFICIAL = 'OFFICIAL',
  NGO_STAFF = 'NGO_STAFF',
}
registerEnumType(PersonRole, {
  name: 'PersonRole',
  description: 'What a person does in the sector; a person may have several roles.',
  valuesConfig: {
    SOCIAL_WORKER: { description: 'Practising social worker (社工).' },
    STUDENT: { description: 'Student, typically of social work.' },
    TEACHER: { description: 'Teacher or lecturer, e.g. of social work at a university.' },
    VOLUNTEER: { description: 'Volunteer (志愿者).' },
    RESEARCHER: { description: 'Researcher of the sector or of social policy.' },
    FOUNDER: { description: 'Founder of an NGO, social enterprise or network.' },
    OFFICIAL: { description: 'Government official, e.g. of a civil-affairs bureau.' },
    NGO_STAFF: { description: 'Employee of an NGO, foundation or incubator.' },
  },
});

/** China's three national levels of social-work professional qualification. */
export enum SocialWorkQualification {
  ASSISTANT_SOCIAL_WORKER = 'ASSISTANT_SOCIAL_WORKER',
  SOCIAL_WORKER = 'SOCIAL_WORKER',
  SENIOR_SOCIAL_WORKER = 'SENIOR_SOCIAL_WORKER',
}
registerEnumType(SocialWorkQualification, {
  name: 'SocialWorkQualification',
  description: 'China\'s national social-work professional qualification levels.',
  valuesConfig: {
    ASSISTANT_SOCIAL_WORKER: { description: 'Assistant social worker (助理社会工作师), the entry level.' },
    SOCIAL_WORKER: { description: 'Social worker (社会工作师), the intermediate level.' },
    SENIOR_SOCIAL_WORKER: { description: 'Senior social worker (高级社会工作师), the highest level.' },
  },
});

@Entity({ tableName: 'person' })
@Index({ properties: ['name', 'id'] })
@Index({ properties: ['city'] })
@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Person.type })
export class Person {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.Person.id })
  id: string = newId();

  @Property({ type: 'text' })
  @Field({ description: 'Name in English (pinyin for Chinese names, e.g. Lü Zhao) or in its original language.' })
  name: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Name in Chinese, e.g. 吕朝.' })
  nameZh?: string;

  @Enum({ items: () => PersonRole, array: true, default: [] })
  @Field(() => [PersonRole], { description: 'What the person does in the sector.' })
  roles: Opt<PersonRole[]> = [];

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'City in English, e.g. Chengdu.' })
  city?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Province or province-level municipality, e.g. Sichuan, Shanghai.' })
  province?: string;

  @Property({ type: 'text[]', default: '{}' })
  @Field(() => [String], { description: 'Skills in free text, e.g. "case management", "group work", "fundraising".' })
  skills: Opt<string[]> = [];

  @Enum({ items: () => SocialWorkQualification, nullable: true })
  @Field(() => SocialWorkQualification, { nullable: true, description: 'Highest national social-work qualification held, if any.' })
  qualification?: SocialWorkQualification;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Short biography in English.' })
  bio?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Short biography in Chinese.' })
  bioZh?: string;

  /** Private contact detail: not in the GraphQL type until the person can choose who sees it. */
  @Property({ type: 'text', nullable: true })
  email?: string;

  /** Private contact detail, like `email`. */
  @Property({ type: 'text', nullable: true })
  phone?: string;

  @OneToMany(() => Affiliation, (affiliation) => affiliation.person)
  affiliations = new Collection<Affiliation>(this);

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
