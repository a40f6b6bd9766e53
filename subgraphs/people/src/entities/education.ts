import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/postgresql';
import { newId } from '@ngo-hub/kit/model';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Person } from './person';

export enum EducationDegree {
  COLLEGE_DIPLOMA = 'COLLEGE_DIPLOMA',
  BACHELOR = 'BACHELOR',
  MASTER = 'MASTER',
  DOCTORATE = 'DOCTORATE',
  CERTIFICATE = 'CERTIFICATE',
  OTHER = 'OTHER',
}
registerEnumType(EducationDegree, {
  name: 'EducationDegree',
  description: 'The degree or kind of qualification an education entry leads to.',
  valuesConfig: {
    COLLEGE_DIPLOMA: { description: 'Three-year college diploma (大专 / 专科).' },
    BACHELOR: { description: "Bachelor's degree (学士 / 本科)." },
    MASTER: { description: "Master's degree (硕士), e.g. a Master of Social Work (MSW)." },
    DOCTORATE: { description: 'Doctorate (博士).' },
    CERTIFICATE: { description: 'Certificate of a non-degree programme.' },
    OTHER: { description: 'Any other education.' },
  },
});

/** One entry of a person's education. The institution may also be an organization of the organizations subgraph. */
@Entity({ tableName: 'education' })
@Index({ properties: ['person', 'year', 'id'] })
@ObjectType({ description: 'A degree or programme a person studied for: institution, degree, major and year.' })
export class Education {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Stable identifier (a UUID).' })
  id: string = newId();

  @ManyToOne(() => Person, { deleteRule: 'cascade', index: false })
  person: Rel<Person>;

  @Property({ type: 'text' })
  @Field({ description: 'Name of the institution in English, e.g. Southwestern University of Finance and Economics.' })
  institution: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Name of the institution in Chinese, e.g. 西南财经大学.' })
  institutionZh?: string;

  @Property({ type: 'uuid', nullable: true })
  organizationId?: string;

  @Enum({ items: () => EducationDegree })
  @Field(() => EducationDegree, { description: 'The degree or kind of programme.' })
  degree: EducationDegree;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Major or field of study, e.g. Social work.' })
  major?: string;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Year of graduation; a year to come for studies under way.' })
  year?: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
