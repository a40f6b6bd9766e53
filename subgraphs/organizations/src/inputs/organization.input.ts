import { CauseArea } from '@ngo-hub/kit';
import { Field, ID, InputType } from 'type-graphql';
import { DevelopmentStage, OrganizationKind } from '../entities/organization';
import { LegalForm, RegistrationPath, RegistrationStatus } from '../entities/registration';

@InputType({ description: 'Registration details; the credit code is checked (length, alphabet, check character).' })
export class RegistrationInput {
  @Field(() => RegistrationStatus)
  status: RegistrationStatus;

  @Field(() => LegalForm, { nullable: true })
  legalForm?: LegalForm | null;

  @Field(() => RegistrationPath, { nullable: true })
  path?: RegistrationPath | null;

  @Field(() => String, { nullable: true })
  authority?: string | null;

  @Field(() => String, { nullable: true })
  authorityZh?: string | null;

  @Field(() => String, { nullable: true })
  supervisingUnit?: string | null;

  @Field(() => Date, { nullable: true })
  registeredOn?: string | null;

  @Field(() => String, { nullable: true, description: '18-character Unified Social Credit Code; only for REGISTERED organizations.' })
  creditCode?: string | null;
}

@InputType({ description: 'A new organization. Names may be given in English, Chinese or both; one is required.' })
export class CreateOrganizationInput {
  @Field({ description: 'Name in English (or original language).' })
  name: string;

  @Field(() => String, { nullable: true })
  nameZh?: string | null;

  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Field(() => [CauseArea], { nullable: true })
  causeAreas?: CauseArea[] | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true })
  province?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code; default CN.' })
  country?: string | null;

  @Field(() => Date, { nullable: true })
  foundedOn?: string | null;

  @Field(() => DevelopmentStage, { nullable: true })
  stage?: DevelopmentStage | null;

  @Field(() => String, { nullable: true, description: 'http(s) URL.' })
  website?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  descriptionZh?: string | null;

  @Field(() => RegistrationInput, { nullable: true })
  registration?: RegistrationInput | null;
}

@InputType({ description: 'Changes to an organization: only the fields given are changed; null clears an optional field.' })
export class UpdateOrganizationInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  nameZh?: string | null;

  @Field(() => OrganizationKind, { nullable: true })
  kind?: OrganizationKind | null;

  @Field(() => [CauseArea], { nullable: true })
  causeAreas?: CauseArea[] | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true })
  province?: string | null;

  @Field(() => String, { nullable: true })
  country?: string | null;

  @Field(() => Date, { nullable: true })
  foundedOn?: string | null;

  @Field(() => DevelopmentStage, { nullable: true })
  stage?: DevelopmentStage | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  descriptionZh?: string | null;

  @Field(() => RegistrationInput, { nullable: true, description: 'Replaces the registration as a whole.' })
  registration?: RegistrationInput | null;
}

@InputType({ description: 'Narrows a list of organizations; all given conditions must hold.' })
export class OrganizationFilter {
  @Field(() => String, { nullable: true, description: 'Finds the text in the English or Chinese name (case-insensitive).' })
  search?: string;

  @Field(() => String, { nullable: true })
  city?: string;

  @Field(() => String, { nullable: true })
  province?: string;

  @Field(() => String, { nullable: true })
  country?: string;

  @Field(() => [OrganizationKind], { nullable: true, description: 'Any of these kinds.' })
  kinds?: OrganizationKind[];

  @Field(() => [CauseArea], { nullable: true, description: 'Works on any of these causes.' })
  causeAreas?: CauseArea[];

  @Field(() => [RegistrationStatus], { nullable: true, description: 'Any of these registration statuses.' })
  registrationStatuses?: RegistrationStatus[];

  @Field(() => [DevelopmentStage], { nullable: true, description: 'Any of these stages.' })
  stages?: DevelopmentStage[];

  @Field(() => [ID], { nullable: true, description: 'Only these organizations.' })
  ids?: string[];
}
