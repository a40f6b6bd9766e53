import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    "An organization as a grant's 360Giving file named it: identifiers and address as published (the organization itself is `recipient` or `funder`).",
})
export class PublishedOrganization {
  @Field(() => String, { nullable: true, description: 'Its org-id.guide identifier in the file, e.g. GB-CHC-1164859 or 360G-EFF-001b000003VLxCp.' })
  orgId?: string;

  @Field(() => String, { nullable: true, description: 'Its name in the file.' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'Charity number (charityNumber).' })
  charityNumber?: string;

  @Field(() => String, { nullable: true, description: 'Company number (companyNumber).' })
  companyNumber?: string;

  @Field(() => String, { nullable: true, description: 'Street address (streetAddress).' })
  streetAddress?: string;

  @Field(() => String, { nullable: true, description: 'Town or city (addressLocality).' })
  locality?: string;

  @Field(() => String, { nullable: true, description: 'County or region (addressRegion).' })
  region?: string;

  @Field(() => String, { nullable: true, description: 'Postcode (postalCode).' })
  postalCode?: string;

  @Field(() => String, { nullable: true, description: 'Country as the file writes it (addressCountry), e.g. United Kingdom.' })
  country?: string;

  @Field(() => String, { nullable: true, description: 'Website (url).' })
  url?: string;
}

@ObjectType({ description: "Where a grant's beneficiaries are, as its 360Giving file says (beneficiaryLocation)." })
export class BeneficiaryLocation {
  @Field(() => String, { nullable: true, description: 'Name of the place, e.g. England/South West/Plymouth.' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  countryCode?: string;

  @Field(() => String, { nullable: true, description: 'Geographic code, e.g. E06000026.' })
  geoCode?: string;

  @Field(() => String, { nullable: true, description: 'Type of the geographic code, e.g. LAUA, WD.' })
  geoCodeType?: string;
}

@ObjectType({ description: 'A classification of a grant as its 360Giving file gives it (classifications).' })
export class GrantClassification {
  @Field(() => String, { nullable: true, description: 'The vocabulary the code comes from.' })
  vocabulary?: string;

  @Field(() => String, { nullable: true, description: 'Code in the vocabulary.' })
  code?: string;

  @Field(() => String, { nullable: true, description: 'Title, e.g. Arts.' })
  title?: string;
}

@ObjectType({ description: "The grant programme as a grant's 360Giving file names it (grantProgramme)." })
export class PublishedGrantProgramme {
  @Field(() => String, { nullable: true, description: "The funder's code for the programme." })
  code?: string;

  @Field(() => String, { nullable: true, description: 'Title of the programme.' })
  title?: string;

  @Field(() => String, { nullable: true, description: 'Web page of the programme.' })
  url?: string;
}
