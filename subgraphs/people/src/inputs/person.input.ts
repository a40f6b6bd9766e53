import { DateTimeScalar, ILLUSTRATIVE_FILTER_DESCRIPTION, UPDATED_SINCE_DESCRIPTION } from '@ngo-hub/kit';
import { Field, ID, InputType } from 'type-graphql';
import { PersonRole, ProfileVisibility } from '../entities/person';
import { SocialWorkQualification } from '../entities/qualification';
import { EducationInput } from './education.input';
import { QualificationInput } from './qualification.input';

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

  @Field(() => [String], { nullable: true, description: 'Languages spoken, as BCP 47 language tags (zh, en, yue, ...); each at most once.' })
  languages?: string[] | null;

  @Field(() => [EducationInput], { nullable: true, description: 'Education entries (at most 20).' })
  education?: EducationInput[] | null;

  @Field(() => [QualificationInput], {
    nullable: true,
    description: 'Professional qualifications held; `Person.qualification` is the highest social-work level among them.',
  })
  qualifications?: QualificationInput[] | null;

  @Field(() => String, { nullable: true, description: 'Short biography in English.' })
  bio?: string | null;

  @Field(() => String, { nullable: true, description: 'Short biography in Chinese.' })
  bioZh?: string | null;

  @Field(() => ProfileVisibility, { nullable: true, description: 'Who may find the profile; default PUBLIC.' })
  visibility?: ProfileVisibility | null;

  @Field(() => Boolean, { nullable: true, description: 'Looking for work; default false.' })
  openToWork?: boolean | null;

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

  @Field(() => [String], { nullable: true, description: 'Replaces the languages as a whole.' })
  languages?: string[] | null;

  @Field(() => [EducationInput], { nullable: true, description: 'Replaces the education entries as a whole (at most 20).' })
  education?: EducationInput[] | null;

  @Field(() => [QualificationInput], { nullable: true, description: 'Replaces the qualifications as a whole.' })
  qualifications?: QualificationInput[] | null;

  @Field(() => String, { nullable: true, description: 'Short biography in English.' })
  bio?: string | null;

  @Field(() => String, { nullable: true, description: 'Short biography in Chinese.' })
  bioZh?: string | null;

  @Field(() => ProfileVisibility, { nullable: true, description: 'Who may find the profile; null is refused (give a level).' })
  visibility?: ProfileVisibility | null;

  @Field(() => Boolean, { nullable: true, description: 'Looking for work.' })
  openToWork?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Private: stored, not shown in the directory.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Private: stored, not shown in the directory.' })
  phone?: string | null;
}

@InputType({ description: 'Narrows a list of people; all given conditions must hold. Profiles with PRIVATE visibility are never listed.' })
export class PersonFilter {
  @Field(() => String, { nullable: true, description: 'Finds the text in the English or Chinese name (case-insensitive).' })
  search?: string;

  @Field(() => String, { nullable: true, description: 'City in English (case-insensitive), e.g. Chengdu.' })
  city?: string;

  @Field(() => [PersonRole], { nullable: true, description: 'Has any of these roles.' })
  roles?: PersonRole[];

  @Field(() => SocialWorkQualification, { nullable: true, description: 'Highest social-work qualification is exactly this level.' })
  qualification?: SocialWorkQualification;

  @Field(() => SocialWorkQualification, { nullable: true, description: 'Holds this social-work qualification level or a higher one.' })
  minimumQualification?: SocialWorkQualification;

  @Field(() => String, { nullable: true, description: 'Has this skill (the whole skill, ignoring case), e.g. "case management".' })
  skill?: string;

  @Field(() => String, { nullable: true, description: 'Speaks this language (BCP 47 tag, e.g. yue).' })
  language?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: only people open to work; false: only people who are not.' })
  openToWork?: boolean;

  @Field(() => ID, { nullable: true, description: 'Is or was affiliated with this organization, in any role (affiliations confirmed by both sides).' })
  organizationId?: string;

  @Field(() => Boolean, { nullable: true, description: ILLUSTRATIVE_FILTER_DESCRIPTION })
  illustrative?: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_SINCE_DESCRIPTION })
  updatedSince?: Date | null;
}
