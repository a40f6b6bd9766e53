import { Field, ID, InputType, Int } from 'type-graphql';
import { EducationDegree } from '../entities/education';

@InputType({ description: "One entry of a person's education." })
export class EducationInput {
  @Field({ description: 'Name of the institution in English.' })
  institution: string;

  @Field(() => String, { nullable: true, description: 'Name of the institution in Chinese.' })
  institutionZh?: string | null;

  @Field(() => ID, { nullable: true, description: 'The institution as an organization of the organizations subgraph, when it is one; must exist.' })
  organizationId?: string | null;

  @Field(() => EducationDegree, { description: 'The degree or kind of programme.' })
  degree: EducationDegree;

  @Field(() => String, { nullable: true, description: 'Major or field of study.' })
  major?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year of graduation (expected, for studies under way): from 1950 to 8 years ahead.' })
  year?: number | null;
}
