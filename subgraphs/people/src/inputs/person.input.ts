import { Field, ID, InputType } from 'type-graphql';
import { PersonRole, SocialWorkQualification } from '../entities/person';

@InputType({ description: 'A new person. `name` is required (English, pinyin or original language); contact details stay private.' })
export class CreatePersonInput {
  @Field({ description: 'Name in English, pinyin or the original language.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Name in Chinese.' })
  nameZh?: string | null;

  @Field(() => [PersonRole], { nullable: true, description: 'Each role at most once.' })
  roles?: PersonRole[] | null;

  @Field(() => String, { nullable: true, description: 'City in English, e.g. Chengdu.' })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'Province or province-level municipality, e.g. Sichuan.' })
  province?: string | null;

  @Field(() => [String], { nullable: true, description: 'Free-text skills; trimmed, and a skill given twice (ignoring case) is kept once.' })
  skills?: string[] | null;

  @Field(() => SocialWorkQualification, { nullable: true, description: 'Highest national social-work qualification held.' })
  qualification?: SocialWorkQualification | null;

  @Field(() => String, { nullable: true, description: 'Short biography in English.' })
  bio?: string | null;

  @Field(() => String, { nullable: true, description: 'Short biography in Chinese.' })
  bioZh?: string | null;

  @Field(() => String, { nullable: true, description: 'Private: stored, not shown in the directory.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Private: stored, not shown in the directory. Digits with optional +, spaces, dashes, parentheses.' })
  phone?: string | null;
}

@InputType({ description: 'Changes to a person: only the fields given are changed; null clears an optional field.' })
export class UpdatePersonInput {
  @Field(() => String, { nullable: true, description: 'Name in English, pinyin or the original language; must not be empty.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Name in Chinese.' })
  nameZh?: string | null;

  @Field(() => [PersonRole], { nullable: true, description: 'Replaces the roles as a whole.' })
  roles?: PersonRole[] | null;

  @Field(() => String, { nullable: true, description: 'City in English, e.g. Chengdu.' })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'Province or province-level municipality, e.g. Sichuan.' })
  province?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the skills as a whole.' })
  skills?: string[] | null;

  @Field(() => SocialWorkQualification, { nullable: true, description: 'Highest national social-work qualification held.' })
  qualification?: SocialWorkQualification | null;

  @Field(() => String, { nullable: true, description: 'Short biography in English.' })
  bio?: string | null;

  @Field(() => String, { nullable: true, description: 'Short biography in Chinese.' })
  bioZh?: string | null;

  @Field(() => String, { nullable: true, description: 'Private: stored, not shown in the directory.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Private: stored, not shown in the directory.' })
  phone?: string | null;
}

@InputType({ description: 'Narrows a list of people; all given conditions must hold.' })
export class PersonFilter {
  @Field(() => String, { nullable: true, description: 'Finds the text in the English or Chinese name (case-insensitive).' })
  search?: string;

  @Field(() => String, { nullable: true, description: 'City in English (case-insensitive), e.g. Chengdu.' })
  city?: string;

  @Field(() => [PersonRole], { nullable: true, description: 'Has any of these roles.' })
  roles?: PersonRole[];

  @Field(() => SocialWorkQualification, { nullable: true, description: 'Holds exactly this qualification.' })
  qualification?: SocialWorkQualification;

  @Field(() => ID, { nullable: true, description: 'Is or was affiliated with this organization, in any role.' })
  organizationId?: string;
}
