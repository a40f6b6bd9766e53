import { CauseArea, DateTimeScalar, ILLUSTRATIVE_FILTER_DESCRIPTION, UPDATED_SINCE_DESCRIPTION } from '@ngo-hub/kit';
import { Field, ID, InputType } from 'type-graphql';
import { DevelopmentStage, OrganizationKind } from '../entities/organization';
import { LegalForm, RegistrationPath, RegistrationStatus } from '../entities/registration';

@InputType({ description: 'Registration details; the credit code is checked (length, alphabet, check character).' })
export class RegistrationInput {
  @Field(() => RegistrationStatus, { description: 'Unregistered, filed on record or registered.' })
  status: RegistrationStatus;

  @Field(() => LegalForm, { nullable: true, description: 'The legal form registered as.' })
  legalForm?: LegalForm | null;

  @Field(() => RegistrationPath, { nullable: true, description: 'Direct registration or through a supervising unit.' })
  path?: RegistrationPath | null;

  @Field(() => String, { nullable: true, description: 'Registering or filing authority, e.g. "Pudong New Area Civil Affairs Bureau".' })
  authority?: string | null;

  @Field(() => String, { nullable: true, description: "The authority's name in Chinese." })
  authorityZh?: string | null;

  @Field(() => String, { nullable: true, description: 'Supervising unit (业务主管单位); only when path is SUPERVISING_UNIT.' })
  supervisingUnit?: string | null;

  @Field(() => Date, { nullable: true, description: 'Date of registration or filing; not in the future.' })
  registeredOn?: string | null;

  @Field(() => String, { nullable: true, description: '18-character Unified Social Credit Code; only for REGISTERED organizations.' })
  creditCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the registration changes, kept in the registration history; required for a step back in status (REGISTERED → FILED_ON_RECORD or UNREGISTERED, FILED_ON_RECORD → UNREGISTERED).',
  })
  changeReason?: string | null;
}

@InputType({ description: 'A new organization. Names may be given in English, Chinese or both; one is required.' })
export class CreateOrganizationInput {
  @Field({ description: 'Name in English (or original language).' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Name in Chinese.' })
  nameZh?: string | null;

  @Field(() => OrganizationKind, { description: 'What kind of actor the organization is.' })
  kind: OrganizationKind;

  @Field(() => [CauseArea], { nullable: true, description: 'The causes it works on; each at most once.' })
  causeAreas?: CauseArea[] | null;

  @Field(() => String, { nullable: true, description: 'City in English, e.g. Chengdu.' })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'Province or province-level municipality, e.g. Sichuan.' })
  province?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code; default CN when left out, null when not known.' })
  country?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was founded; not in the future.' })
  foundedOn?: string | null;

  @Field(() => DevelopmentStage, { nullable: true, description: 'How far it has come.' })
  stage?: DevelopmentStage | null;

  @Field(() => String, { nullable: true, description: 'http(s) URL.' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'What it does, in English.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'What it does, in Chinese.' })
  descriptionZh?: string | null;

  @Field(() => RegistrationInput, { nullable: true, description: 'Its registration; a change is kept in registrationHistory.' })
  registration?: RegistrationInput | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "org-id.guide identifiers it is published with, e.g. GB-CHC-1164859, GB-COH-08049101 or a publisher's 360G-…; each belongs to one organization (CONFLICT otherwise). A Chinese credit code goes in registration.creditCode.",
  })
  orgIds?: string[] | null;
}

@InputType({ description: 'Changes to an organization: only the fields given are changed; null clears an optional field.' })
export class UpdateOrganizationInput {
  @Field(() => String, { nullable: true, description: 'Name in English (or original language).' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Name in Chinese.' })
  nameZh?: string | null;

  @Field(() => OrganizationKind, { nullable: true, description: 'What kind of actor the organization is.' })
  kind?: OrganizationKind | null;

  @Field(() => [CauseArea], { nullable: true, description: 'The causes it works on; each at most once.' })
  causeAreas?: CauseArea[] | null;

  @Field(() => String, { nullable: true, description: 'City in English, e.g. Chengdu.' })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'Province or province-level municipality, e.g. Sichuan.' })
  province?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code.' })
  country?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was founded; not in the future.' })
  foundedOn?: string | null;

  @Field(() => DevelopmentStage, { nullable: true, description: 'How far it has come.' })
  stage?: DevelopmentStage | null;

  @Field(() => String, { nullable: true, description: 'http(s) URL.' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'What it does, in English.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'What it does, in Chinese.' })
  descriptionZh?: string | null;

  @Field(() => RegistrationInput, { nullable: true, description: 'Replaces the registration as a whole.' })
  registration?: RegistrationInput | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the org-id.guide identifiers it is published with (see CreateOrganizationInput.orgIds).' })
  orgIds?: string[] | null;
}

@InputType({ description: 'Narrows a list of organizations; all given conditions must hold.' })
export class OrganizationFilter {
  @Field(() => String, { nullable: true, description: 'Finds the text in the English or Chinese name (case-insensitive).' })
  search?: string;

  @Field(() => String, { nullable: true, description: 'City in English, e.g. Chengdu.' })
  city?: string;

  @Field(() => String, { nullable: true, description: 'Province or province-level municipality, e.g. Sichuan.' })
  province?: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code.' })
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

  @Field(() => [String], {
    nullable: true,
    description: 'Known by any of these org-id.guide identifiers (GB-CHC-1164859, 360G-EFF-…, CN-USCI-<credit code>); at most 5,000.',
  })
  orgIds?: string[];

  @Field(() => Boolean, { nullable: true, description: ILLUSTRATIVE_FILTER_DESCRIPTION })
  illustrative?: boolean | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Registered under any of these Unified Social Credit Codes (18 characters; case and spaces around ignored); at most 5,000.',
  })
  creditCodes?: string[];

  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_SINCE_DESCRIPTION })
  updatedSince?: Date | null;
}
