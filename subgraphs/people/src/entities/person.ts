import { Embedded, Collection, Entity, Enum, Index, OneToMany, PrimaryKey, Property, type Opt } from '@mikro-orm/postgresql';
import {
  Provenance,
  PROVENANCE_FIELD_DESCRIPTION,
  Auth,
  AuthRule,
  Bigrams,
  ENTITY_DESCRIPTIONS,
  type HubContext,
  newId,
  CreatedAt,
  UpdatedAt,
  CacheControl,
  CACHE_MAX_AGE,
} from '@ngo-hub/kit/model';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Affiliation } from './affiliation';
import { Education } from './education';
import { Qualification } from './qualification';
import { personContactSubject, profileSubject } from '../services/row-subjects';

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

export enum ProfileVisibility {
  PUBLIC = 'PUBLIC',
  PARTNERS = 'PARTNERS',
  PRIVATE = 'PRIVATE',
}
registerEnumType(ProfileVisibility, {
  name: 'ProfileVisibility',
  description: "Who may find a person's profile. Contact details are never part of the profile, whatever its visibility.",
  valuesConfig: {
    PUBLIC: { description: 'Anyone, also anonymous callers (the default: the directory is public).' },
    PARTNERS: { description: 'Authenticated partner organizations only (enforced once partners authenticate).' },
    PRIVATE: { description: 'Nobody finds the profile: it is left out of the `people` directory and of suggested candidates.' },
  },
});

/** The immutable SQL function (created by a migration) that lower-cases a list of skills for matching. */
export const SKILL_KEYS_FUNCTION = 'people.skill_keys';

@Entity({ tableName: 'person' })
@Index({ properties: ['updatedAt', 'id'] })
@Index({ properties: ['name', 'id'] })
@Index({ properties: ['city'] })
@Index({ name: 'person_city_lower_index', expression: 'create index "person_city_lower_index" on "people"."person" (lower("city"))' })
@Index({ name: 'person_skill_keys_index', properties: ['skillKeys'], type: 'gin' })
// The `city` filter compares city_key (the city lower-cased); this index also gives a city's people in name order.
@Index({ properties: ['cityKey', 'name', 'id'] })
// Trigram indexes (pg_trgm) serve the case-insensitive `search` filter (ILIKE) from three characters on; two-character searches use the bigram columns.
@Index({ name: 'person_name_trgm_index', expression: 'create index "person_name_trgm_index" on "people"."person" using gin ("name" public.gin_trgm_ops)' })
@Index({
  name: 'person_name_zh_trgm_index',
  expression: 'create index "person_name_zh_trgm_index" on "people"."person" using gin ("name_zh" public.gin_trgm_ops)',
})
@CacheControl({ maxAge: CACHE_MAX_AGE.default })
@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Person.type })
export class Person {
  /** Two-character substrings of lower(name), for two-character searches (kit text-search.ts). */
  @Bigrams('people', 'name')
  nameBigrams?: string[];

  /** Two-character substrings of lower(name_zh), for two-character searches (kit text-search.ts). */
  @Bigrams('people', 'name_zh')
  nameZhBigrams?: string[];

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.Person.id })
  id: string = newId();

  @Property({ type: 'text' })
  @Field({ description: 'Name in English (pinyin for Chinese names, e.g. Xu Qizhi) or in its original language.' })
  name: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Name in Chinese, e.g. 徐启智.' })
  nameZh?: string;

  @Enum({ items: () => PersonRole, array: true, default: [] })
  @Field(() => [PersonRole], { description: 'What the person does in the sector.' })
  roles: Opt<PersonRole[]> = [];

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'City in English, e.g. Chengdu.' })
  city?: string;

  /** `city` lower-cased ('' without a city), kept by Postgres: what the `city` filter compares (an equality an index serves, unlike ILIKE). Lazy: a filter column, never read back with the row. */
  @Property({ type: 'text', generated: "(coalesce(lower(city), '')) stored", lazy: true })
  cityKey: Opt<string>;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Province or province-level municipality, e.g. Sichuan, Shanghai.' })
  province?: string;

  @Property({ type: 'text[]', default: '{}' })
  @Field(() => [String], { description: 'Skills in free text, e.g. "case management", "group work", "fundraising".' })
  skills: Opt<string[]> = [];

  /** `skills` lower-cased, kept by Postgres: what matching and the skill filter compare, case-insensitively. Lazy: a filter column, never read back with the row. */
  @Property({ type: 'text[]', generated: `(${SKILL_KEYS_FUNCTION}(skills)) stored`, lazy: true })
  skillKeys: Opt<string[]>;

  @Property({ type: 'text[]', default: '{}' })
  @Field(() => [String], { description: 'Languages spoken, as BCP 47 language tags, e.g. zh, en, yue (Cantonese), ii (Sichuan Yi).' })
  languages: Opt<string[]> = [];

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Short biography in English.' })
  @Auth(AuthRule.PROFILE, (person: Person) => profileSubject(person))
  bio?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Short biography in Chinese.' })
  @Auth(AuthRule.PROFILE, (person: Person) => profileSubject(person))
  bioZh?: string;

  @Enum({ items: () => ProfileVisibility, default: ProfileVisibility.PUBLIC })
  @Field(() => ProfileVisibility, { description: 'Who may find the profile.' })
  visibility: Opt<ProfileVisibility> = ProfileVisibility.PUBLIC;

  @Property({ type: 'boolean', default: false })
  @Field(() => Boolean, { description: 'True when the person is looking for a job, an internship or volunteer work, and may be suggested to postings.' })
  openToWork: Opt<boolean> = false;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'E-mail address; private: for the person, organizations they applied to, and hub admins.' })
  @Auth(AuthRule.SELF_OR_ORGANIZATION_EDITOR, (person: Person, _args: unknown, ctx: HubContext) => personContactSubject(person, ctx))
  email?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Phone number; private, like `email`.' })
  @Auth(AuthRule.SELF_OR_ORGANIZATION_EDITOR, (person: Person, _args: unknown, ctx: HubContext) => personContactSubject(person, ctx))
  phone?: string;

  /** When the person deleted their account: the row stays as a nameless tombstone so their public history keeps its id. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  erasedAt?: Date;

  @OneToMany(() => Affiliation, (affiliation) => affiliation.person)
  affiliations = new Collection<Affiliation>(this);

  @OneToMany(() => Education, (education) => education.person)
  education = new Collection<Education>(this);

  @OneToMany(() => Qualification, (qualification) => qualification.person)
  qualifications = new Collection<Qualification>(this);

  @CreatedAt()
  createdAt!: Opt<Date>;

  @UpdatedAt()
  updatedAt!: Opt<Date>;

  @Embedded(() => Provenance, { prefix: 'provenance_' })
  @Field(() => Provenance, { description: PROVENANCE_FIELD_DESCRIPTION })
  provenance: Opt<Provenance> = new Provenance();
}
