import type { EntityManager } from '@mikro-orm/postgresql';
import { CauseArea, retractSeed, SEED_SOURCES, seedId, sourced, upsertSeed, type Logger, type Provenance } from '@ngo-hub/kit';
import { IncubationMembership } from '../src/entities/incubation-membership';
import { OrganizationMember } from '../src/entities/organization-member';
import { OrganizationRelation } from '../src/entities/organization-relation';
import { RegistrationChange } from '../src/entities/registration-change';
import { DevelopmentStage, Organization, OrganizationKind } from '../src/entities/organization';
import { LegalForm, Registration, RegistrationStatus } from '../src/entities/registration';
import { seedIncubation } from './incubation.seed';
import { seedMembers } from './members.seed';
import { seedRegistrationHistory } from './registration-history.seed';
import { seedRelations } from './relations.seed';
import { SERVICE_PARK_COHORT_ORGANIZATIONS } from './service-park-cohort.seed';

export type SeedOrganization = Omit<Partial<Organization>, 'registration' | 'provenance'> & {
  slug: string;
  /** The article it comes from, or that it is illustrative. */
  provenance: Provenance;
  name: string;
  kind: OrganizationKind;
  registration?: Partial<Registration>;
};

const { NGO, FOUNDATION, INCUBATOR, GOVERNMENT_AGENCY, MASS_ORGANIZATION, UNIVERSITY } = OrganizationKind;
const C = CauseArea;
const PARK = SEED_SOURCES.servicePark;
const SOWOSSKY = SEED_SOURCES.sowossky;
/** Dates the sources give to the month or the year are stored as that month's or year's first day. */
export const MONTH_ONLY = 'The source gives the month only: the date is its first day.';
export const YEAR_ONLY = 'The source gives the year only: the date is its first day.';

/**
 * The organizations the two source articles name, with what they state and nothing more (see
 * SEED-FACTS.md), and, marked illustrative, the 14 Service Park cohort members they do not name.
 * Ids are derived from the slugs (`seedId('org:npi')`), which the other subgraphs' seeds use.
 */
export const SEED_ORGANIZATIONS: SeedOrganization[] = [
  {
    slug: 'npi',
    name: 'NPI (Non-Profit Incubator)',
    nameZh: '恩派公益组织发展中心',
    kind: INCUBATOR,
    causeAreas: [C.SECTOR_CAPACITY_BUILDING],
    city: 'Shanghai',
    province: 'Shanghai',
    foundedOn: '2006-01-01',
    stage: DevelopmentStage.MATURE,
    description:
      'The first NGO-incubator pilot in mainland China (Shanghai, 2006); its model was replicated in Beijing, Chengdu, Shenzhen and other cities. A centre of capacity development with local materials and case studies.',
    descriptionZh: '中国大陆首个公益组织孵化器试点（2006年，上海），其模式在北京、成都、深圳等地复制。',
    registration: { status: RegistrationStatus.REGISTERED, legalForm: LegalForm.SOCIAL_SERVICE_ORGANIZATION },
    provenance: sourced(
      PARK,
      `First mainland incubator pilot, 2006, Shanghai; replicated in Beijing, Chengdu, Shenzhen. ${YEAR_ONLY} Its registration details are not given in the sources.`,
    ),
  },
  {
    slug: 'npi-beijing',
    name: 'NPI Beijing',
    kind: INCUBATOR,
    causeAreas: [C.SECTOR_CAPACITY_BUILDING],
    city: 'Beijing',
    province: 'Beijing',
    description: 'Replication of the NPI incubation model in Beijing.',
    registration: { status: RegistrationStatus.REGISTERED },
    provenance: sourced(PARK, "NPI's model was replicated in Beijing. Name, stage and registration are not given in the sources."),
  },
  {
    slug: 'npi-chengdu',
    name: 'NPI Chengdu',
    kind: INCUBATOR,
    causeAreas: [C.SECTOR_CAPACITY_BUILDING],
    city: 'Chengdu',
    province: 'Sichuan',
    description: 'Replication of the NPI incubation model in Chengdu.',
    registration: { status: RegistrationStatus.REGISTERED },
    provenance: sourced(PARK, "NPI's model was replicated in Chengdu. Name, stage and registration are not given in the sources."),
  },
  {
    slug: 'npi-shenzhen',
    name: 'NPI Shenzhen',
    kind: INCUBATOR,
    causeAreas: [C.SECTOR_CAPACITY_BUILDING],
    city: 'Shenzhen',
    province: 'Guangdong',
    description: 'Replication of the NPI incubation model in Shenzhen.',
    registration: { status: RegistrationStatus.REGISTERED },
    provenance: sourced(PARK, "NPI's model was replicated in Shenzhen. Name, stage and registration are not given in the sources."),
  },
  {
    slug: 'shanghai-united-foundation',
    name: 'Shanghai United Foundation',
    nameZh: '上海公益事业发展基金会',
    kind: FOUNDATION,
    causeAreas: [C.PHILANTHROPY, C.SECTOR_CAPACITY_BUILDING],
    city: 'Shanghai',
    province: 'Shanghai',
    foundedOn: '2009-01-01',
    description: "Foundation (also known as 联劝) established in 2009 with NPI's help; combines venture philanthropy with NPI's incubation.",
    descriptionZh: '2009年在恩派协助下成立的基金会（又称联劝），将公益创投与恩派的孵化相结合。',
    registration: { status: RegistrationStatus.REGISTERED, legalForm: LegalForm.FOUNDATION },
    provenance: sourced(PARK, `Established in 2009 with NPI's help; venture philanthropy combined with NPI's incubation. ${YEAR_ONLY}`),
  },
  {
    slug: 'chengdu-ngo-service-park',
    name: 'Chengdu NGO Service Park',
    nameZh: '成都公益组织服务园',
    kind: INCUBATOR,
    causeAreas: [C.SECTOR_CAPACITY_BUILDING, C.COMMUNITY_DEVELOPMENT],
    city: 'Chengdu',
    province: 'Sichuan',
    foundedOn: '2012-01-01',
    description:
      "Opened in 2012 in a four-storey building on Zirui North Street (紫瑞北街), north of Zirui Avenue, in Chengdu's high-technology zone. " +
      'Its first group of 15 NGOs works in cubicles on the third floor, with a 200 m² event space on the first floor. An advisory committee of six experts; ' +
      'a support team seconded from public institutions (shiye danwei). Focuses on capacity building, links organizations with community needs through ' +
      'government resources, and brings mature organizations from inside and outside Sichuan to guide emerging ones. A plaque for a "Social Innovators\' ' +
      'Institute" (社会创业家学院) hangs in the building; the institute has not started.',
    descriptionZh: '2012年开园，位于成都高新区紫瑞大道以北的紫瑞北街一栋四层楼内；首批15家公益组织在三楼办公，一楼有200平方米的活动空间。',
    registration: { status: RegistrationStatus.UNREGISTERED },
    provenance: sourced(
      PARK,
      `Opening, address, first group of 15, committee of 6, support team, focus, the institute's plaque. ${YEAR_ONLY} Its registration is not given in the sources.`,
    ),
  },
  {
    slug: 'chengdu-social-organization-development-foundation',
    name: 'Chengdu Social Organization Development Foundation',
    nameZh: '成都社会组织发展基金会',
    kind: FOUNDATION,
    causeAreas: [C.SECTOR_CAPACITY_BUILDING, C.PHILANTHROPY],
    city: 'Chengdu',
    province: 'Sichuan',
    description:
      'Grant-making foundation modelled on the split between NPI (incubation) and the Shanghai United Foundation (grants); registered in June 2012. Its board chairman was selected early but had not visited the Service Park.',
    registration: { status: RegistrationStatus.REGISTERED, legalForm: LegalForm.FOUNDATION, registeredOn: '2012-06-01' },
    provenance: sourced(PARK, `Grant making on the NPI/United Foundation model; registered in June 2012. ${MONTH_ONLY}`),
  },
  {
    slug: 'chengdu-municipal-government',
    name: 'Chengdu Municipal Government',
    kind: GOVERNMENT_AGENCY,
    causeAreas: [C.COMMUNITY_DEVELOPMENT],
    city: 'Chengdu',
    province: 'Sichuan',
    description:
      'The city of Chengdu, which buys services from social organizations from 2012 (by incomplete figures, 160 million RMB to 59 projects in the year reported).',
    registration: { status: RegistrationStatus.REGISTERED, legalForm: LegalForm.GOVERNMENT_BODY },
    provenance: sourced(PARK, 'The city buys services from social organizations from 2012. The article names the city, not the bureau that buys.'),
  },
  {
    slug: 'pudong-civil-affairs-bureau',
    name: 'Pudong Civil Affairs Bureau',
    kind: GOVERNMENT_AGENCY,
    causeAreas: [C.COMMUNITY_DEVELOPMENT],
    city: 'Shanghai',
    province: 'Shanghai',
    description: 'Civil-affairs bureau of Pudong, Shanghai, where SowosSky registered in December 2009.',
    registration: { status: RegistrationStatus.REGISTERED, legalForm: LegalForm.GOVERNMENT_BODY },
    provenance: sourced(SOWOSSKY, 'SowosSky registered here in December 2009.'),
  },
  {
    slug: 'sowossky',
    name: 'SowosSky',
    nameZh: '青翼社会工作人才服务中心',
    kind: NGO,
    causeAreas: [C.SOCIAL_WORK, C.EDUCATION, C.EMPLOYMENT],
    city: 'Shanghai',
    province: 'Shanghai',
    foundedOn: '2008-09-01',
    description:
      'Social-work talent service centre in Shanghai serving social workers, teachers and students of social work: internships, help with employment, mentoring, ' +
      'training, recommendations for employment and group studies. It began as the website "SowosSky Social Work Network" (青翼社会工作网), set up in 2003 by ' +
      'Li Zhaowei; became an organization in September 2008, when NPI admitted it to its incubation programme; registered in December 2009 at the Pudong Civil ' +
      'Affairs Bureau. Runs the "Spread Your Wings" training camp and works with members of a Union of Colleges and Universities on activities for social-work ' +
      'students nationwide. Plans a social-work portal with a human-resources database and distance learning, and is raising funds to rebuild its website.',
    descriptionZh: '青翼社会工作人才服务中心，前身为2003年创办的青翼社会工作网；2008年9月成为机构并入选恩派孵化；2009年12月在浦东民政局注册。',
    registration: { status: RegistrationStatus.REGISTERED, authority: 'Pudong Civil Affairs Bureau', registeredOn: '2009-12-01' },
    provenance: sourced(
      SOWOSSKY,
      `Names, website (2003), organization and NPI incubation (September 2008), registration (December 2009, Pudong Civil Affairs Bureau), services and plans. ${MONTH_ONLY}`,
    ),
  },
  {
    slug: 'spinachina',
    name: 'SpinaChina',
    nameZh: '推动力公益发展中心',
    kind: NGO,
    causeAreas: [C.DISABILITY, C.HEALTH],
    city: 'Chengdu',
    province: 'Sichuan',
    description:
      'SpinaChina (Promoting Public Welfare Development Center), founded by Sun Hongwei, registered in May 2012 in the Chengdu High Technology Zone. ' +
      'Its mission: public awareness of spina bifida, rehabilitation treatment for patients, and barrier-free public space. Runs an online mutual-support ' +
      'network with core volunteers; took part in a competition of the Cloud NPO Platform (云公益). One of the first 15 NGOs of the Chengdu NGO Service Park.',
    registration: { status: RegistrationStatus.REGISTERED, authority: 'Chengdu High Technology Zone', registeredOn: '2012-05-01' },
    provenance: sourced(PARK, `Names, founder, registration (May 2012, Chengdu High Technology Zone), mission, network, Service Park cohort. ${MONTH_ONLY}`),
  },
  {
    slug: 'swufe',
    name: 'Southwestern University of Finance and Economics',
    nameZh: '西南财经大学',
    kind: UNIVERSITY,
    causeAreas: [C.EDUCATION, C.SOCIAL_WORK],
    city: 'Chengdu',
    province: 'Sichuan',
    description: 'University in Chengdu; runs the course for senior social-work supervisors with the Chengdu NGO Service Park and the Taiwan Red Cross.',
    registration: { status: RegistrationStatus.REGISTERED, legalForm: LegalForm.PUBLIC_INSTITUTION },
    provenance: sourced(PARK, 'Co-runs the senior social-work supervisors course.'),
  },
  {
    slug: 'taiwan-red-cross',
    name: 'Taiwan Red Cross',
    nameZh: '台湾红十字会',
    kind: MASS_ORGANIZATION,
    causeAreas: [C.SOCIAL_WORK],
    province: 'Taiwan',
    country: 'TW',
    description:
      'Runs the course for senior social-work supervisors with the Chengdu NGO Service Park and the Southwestern University of Finance and Economics.',
    registration: { status: RegistrationStatus.REGISTERED },
    provenance: sourced(PARK, 'Co-runs the senior social-work supervisors course. Its registration is not given in the sources.'),
  },
  {
    slug: 'sichuan-academy-of-social-sciences',
    name: 'Sichuan Provincial Academy of Social Sciences',
    kind: UNIVERSITY,
    causeAreas: [C.EDUCATION],
    province: 'Sichuan',
    description: 'Provincial academy of social sciences; Guo Hong directs its Sociology Institute.',
    registration: { status: RegistrationStatus.REGISTERED, legalForm: LegalForm.PUBLIC_INSTITUTION },
    provenance: sourced(PARK, 'Guo Hong is director of its Sociology Institute. Its Chinese name is not given in the sources.'),
  },
  {
    slug: 'shuangliu-county-disabled-persons-federation',
    name: "Shuangliu County Disabled Persons' Federation",
    nameZh: '双流县残联',
    kind: MASS_ORGANIZATION,
    causeAreas: [C.DISABILITY],
    city: 'Chengdu',
    province: 'Sichuan',
    description: 'Held two coordination events for disability organizations with the Chengdu NGO Service Park in October 2012.',
    registration: { status: RegistrationStatus.REGISTERED },
    provenance: sourced(PARK, 'October 2012: two coordination events for disability organizations with the Service Park.'),
  },
  ...SERVICE_PARK_COHORT_ORGANIZATIONS,
];

/** Organizations an earlier seed held that the sources do not give (a real bureau as buyer of services; a fifteenth invented cohort member). */
export const RETRACTED_ORGANIZATIONS = ['chengdu-civil-affairs-bureau', 'chengdu-hospice-care-volunteers'];

export async function seedOrganizations(em: EntityManager, log: Logger): Promise<number> {
  const rows = SEED_ORGANIZATIONS.map(({ slug, registration, ...fields }) => {
    const organization = em.create(Organization, { ...fields, id: seedId(`org:${slug}`) } as Organization, { persist: false });
    organization.registration = Object.assign(new Registration(), registration);
    return organization;
  });
  const retracted = RETRACTED_ORGANIZATIONS.map((slug) => seedId(`org:${slug}`));
  // what an earlier seed said about the retracted organizations goes with them
  const withdrawn =
    (await em.nativeDelete(OrganizationRelation, { $or: [{ fromOrganization: { $in: retracted } }, { toOrganization: { $in: retracted } }] })) +
    (await em.nativeDelete(IncubationMembership, { organization: { $in: retracted } })) +
    (await em.nativeDelete(OrganizationMember, { organization: { $in: retracted } })) +
    (await em.nativeDelete(RegistrationChange, { organization: { $in: retracted } })) +
    (await retractSeed(em, Organization, retracted));
  const organizations = await upsertSeed(em, Organization, rows);
  const registrationChanges = await seedRegistrationHistory(em, SEED_ORGANIZATIONS);
  const relations = await seedRelations(em);
  const incubation = await seedIncubation(em);
  const members = await seedMembers(em);
  log.info({ organizations, withdrawn, registrationChanges, relations, incubation, members }, 'organizations seeded');
  return organizations + withdrawn + registrationChanges + relations + incubation + members;
}
