import { Embeddable, Enum, Property } from '@mikro-orm/postgresql';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** Where an organization stands with the civil-affairs system. */
export enum RegistrationStatus {
  UNREGISTERED = 'UNREGISTERED',
  FILED_ON_RECORD = 'FILED_ON_RECORD',
  REGISTERED = 'REGISTERED',
}
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'Legal standing of an organization.',
  valuesConfig: {
    UNREGISTERED: { description: 'Operates without registration (or registered elsewhere, e.g. abroad).' },
    FILED_ON_RECORD: { description: 'Filed on record (备案) with a street office or district bureau; not a legal person.' },
    REGISTERED: { description: 'Registered as a legal person (登记), with a Unified Social Credit Code.' },
  },
});

export enum LegalForm {
  SOCIAL_GROUP = 'SOCIAL_GROUP',
  SOCIAL_SERVICE_ORGANIZATION = 'SOCIAL_SERVICE_ORGANIZATION',
  FOUNDATION = 'FOUNDATION',
  COMPANY = 'COMPANY',
  PUBLIC_INSTITUTION = 'PUBLIC_INSTITUTION',
  GOVERNMENT_BODY = 'GOVERNMENT_BODY',
  FOREIGN_NGO_OFFICE = 'FOREIGN_NGO_OFFICE',
  OTHER = 'OTHER',
}
registerEnumType(LegalForm, {
  name: 'LegalForm',
  description: 'The legal form an organization is registered as.',
  valuesConfig: {
    SOCIAL_GROUP: { description: 'Social group (社会团体), a membership association.' },
    SOCIAL_SERVICE_ORGANIZATION: { description: 'Social service organization (社会服务机构), formerly private non-enterprise unit (民办非企业单位).' },
    FOUNDATION: { description: 'Foundation (基金会).' },
    COMPANY: { description: 'Company (企业), e.g. a social enterprise registered with market regulation.' },
    PUBLIC_INSTITUTION: { description: 'Public institution (事业单位), e.g. a public university.' },
    GOVERNMENT_BODY: { description: 'Government organ (机关).' },
    FOREIGN_NGO_OFFICE: { description: 'Representative office of an overseas NGO.' },
    OTHER: { description: 'Any other legal form.' },
  },
});

export enum RegistrationPath {
  DIRECT = 'DIRECT',
  SUPERVISING_UNIT = 'SUPERVISING_UNIT',
}
registerEnumType(RegistrationPath, {
  name: 'RegistrationPath',
  description: 'How the registration was obtained.',
  valuesConfig: {
    DIRECT: { description: 'Direct registration with civil affairs (直接登记).' },
    SUPERVISING_UNIT: { description: 'Dual management: registered through a supervising unit (业务主管单位).' },
  },
});

@Embeddable()
@ObjectType({ description: "An organization's registration: status, legal form, path, authority, date and credit code." })
export class Registration {
  @Enum({ items: () => RegistrationStatus, default: RegistrationStatus.UNREGISTERED })
  @Field(() => RegistrationStatus, { description: 'Unregistered, filed on record or registered.' })
  status: RegistrationStatus = RegistrationStatus.UNREGISTERED;

  @Enum({ items: () => LegalForm, nullable: true })
  @Field(() => LegalForm, { nullable: true, description: 'The legal form registered as.' })
  legalForm?: LegalForm;

  @Enum({ items: () => RegistrationPath, nullable: true })
  @Field(() => RegistrationPath, { nullable: true, description: 'Direct registration or through a supervising unit.' })
  path?: RegistrationPath;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Registering or filing authority, e.g. "Pudong New Area Civil Affairs Bureau".' })
  authority?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: "The authority's name in Chinese, e.g. 浦东新区民政局." })
  authorityZh?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Supervising unit (业务主管单位) when registered through one.' })
  supervisingUnit?: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Date of registration or filing.' })
  registeredOn?: string;

  @Property({ type: 'text', nullable: true, unique: true })
  @Field(() => String, { nullable: true, description: 'Unified Social Credit Code (统一社会信用代码): 18 characters with a check character.' })
  creditCode?: string;
}
