import type { EntityManager } from '@mikro-orm/postgresql';
import { CauseArea, insertMissing, seedId, type Logger } from '@ngo-hub/kit';
import { DevelopmentStage, Organization, OrganizationKind } from '../src/entities/organization';
import { LegalForm, Registration, RegistrationPath, RegistrationStatus } from '../src/entities/registration';
import { seedIncubation } from './incubation.seed';
import { seedMembers } from './members.seed';
import { seedRegistrationHistory } from './registration-history.seed';
import { seedRelations } from './relations.seed';
import { SERVICE_PARK_COHORT_ORGANIZATIONS } from './service-park-cohort.seed';

export type SeedOrganization = Omit<Partial<Organization>, 'registration'> & {
  slug: string;
  name: string;
  kind: OrganizationKind;
  registration?: Partial<Registration>;
};

const { NGO, FOUNDATION, INCUBATOR, GOVERNMENT_AGENCY, MASS_ORGANIZATION, UNIVERSITY, NETWORK } = OrganizationKind;
const C = CauseArea;

/**
 * The sector the source documents describe (and, marked illustrative, the Service Park cohort
 * members they do not name). Ids are derived from the slugs (`seedId('org:npi')`),
 * which the other subgraphs' seeds use to refer to these organizations.
 */
export const SEED_ORGANIZATIONS: SeedOrganization[] = [
  {
    slug: 'npi', name: 'NPI (Non-Profit Incubator)', nameZh: '恩派公益组织发展中心', kind: INCUBATOR,
    causeAreas: [C.SECTOR_CAPACITY_BUILDING], city: 'Shanghai', province: 'Shanghai', foundedOn: '2006-01-01', stage: DevelopmentStage.MATURE,
    website: 'http://www.npi.org.cn/',
    description: 'Incubator of grassroots NGOs, founded in Shanghai in 2006; its incubation model was replicated in Beijing, Chengdu and Shenzhen.',
    descriptionZh: '2006年在上海成立的公益组织孵化器，其孵化模式在北京、成都、深圳复制。',
    registration: { status: RegistrationStatus.REGISTERED, legalForm: LegalForm.SOCIAL_SERVICE_ORGANIZATION, path: RegistrationPath.DIRECT, authority: 'Pudong New Area Civil Affairs Bureau', authorityZh: '浦东新区民政局', registeredOn: '2006-01-01' },
  },
  {
    slug: 'npi-beijing', name: 'NPI Beijing', nameZh: '北京恩派', kind: INCUBATOR, causeAreas: [C.SECTOR_CAPACITY_BUILDING],
    city: 'Beijing', province: 'Beijing', stage: DevelopmentStage.GROWTH, description: 'Replication of the NPI incubation model in Beijing.',
    registration: { status: RegistrationStatus.REGISTERED, legalForm: LegalForm.SOCIAL_SERVICE_ORGANIZATION },
  },
  {
    slug: 'npi-chengdu', name: 'NPI Chengdu', nameZh: '成都恩派', kind: INCUBATOR, causeAreas: [C.SECTOR_CAPACITY_BUILDING],
    city: 'Chengdu', province: 'Sichuan', stage: DevelopmentStage.GROWTH, description: 'Replication of the NPI incubation model in Chengdu; operates the Chengdu NGO Service Park.',
    registration: { status: RegistrationStatus.REGISTERED, legalForm: LegalForm.SOCIAL_SERVICE_ORGANIZATION },
  },
  {
    slug: 'npi-shenzhen', name: 'NPI Shenzhen', nameZh: '深圳恩派', kind: INCUBATOR, causeAreas: [C.SECTOR_CAPACITY_BUILDING],
    city: 'Shenzhen', province: 'Guangdong', stage: DevelopmentStage.GROWTH, description: 'Replication of the NPI incubation model in Shenzhen.',
    registration: { status: RegistrationStatus.REGISTERED, legalForm: LegalForm.SOCIAL_SERVICE_ORGANIZATION },
  },
  {
    slug: 'shanghai-united-foundation', name: 'Shanghai United Foundation', nameZh: '上海联劝公益基金会', kind: FOUNDATION,
    causeAreas: [C.PHILANTHROPY, C.SECTOR_CAPACITY_BUILDING], city: 'Shanghai', province: 'Shanghai', foundedOn: '2009-01-01', stage: DevelopmentStage.MATURE,
    description: 'Public fundraising foundation that supports grassroots NGOs through grants and venture philanthropy.',
    descriptionZh: '支持草根公益组织的公募基金会，开展公益创投与资助。',
    registration: { status: RegistrationStatus.REGISTERED, legalForm: LegalForm.FOUNDATION },
  },
  {
    slug: 'chengdu-ngo-service-park', name: 'Chengdu NGO Service Park', nameZh: '成都公益组织服务园', kind: INCUBATOR,
    causeAreas: [C.SECTOR_CAPACITY_BUILDING, C.COMMUNITY_DEVELOPMENT], city: 'Chengdu', province: 'Sichuan', foundedOn: '2009-01-01', stage: DevelopmentStage.GROWTH,
    description: 'Government-supported incubation park for NGOs in Chengdu, with an advisory committee of experts and cohorts of incubated organizations.',
    descriptionZh: '成都的公益组织孵化园区，设有专家顾问委员会，分批孵化公益组织。',
    registration: { status: RegistrationStatus.FILED_ON_RECORD, authority: 'Chengdu Civil Affairs Bureau', authorityZh: '成都市民政局' },
  },
  {
    slug: 'chengdu-social-organization-development-foundation', name: 'Chengdu Social Organization Development Foundation', nameZh: '成都市社会组织发展基金会',
    kind: FOUNDATION, causeAreas: [C.SECTOR_CAPACITY_BUILDING, C.PHILANTHROPY], city: 'Chengdu', province: 'Sichuan', stage: DevelopmentStage.GROWTH,
    description: 'Foundation that funds the development of social organizations in Chengdu.',
    registration: { status: RegistrationStatus.REGISTERED, legalForm: LegalForm.FOUNDATION, path: RegistrationPath.SUPERVISING_UNIT, supervisingUnit: 'Chengdu Civil Affairs Bureau' },
  },
  {
    slug: 'chengdu-civil-affairs-bureau', name: 'Chengdu Civil Affairs Bureau', nameZh: '成都市民政局', kind: GOVERNMENT_AGENCY,
    causeAreas: [C.COMMUNITY_DEVELOPMENT, C.ELDERLY_CARE], city: 'Chengdu', province: 'Sichuan',
    description: 'Municipal civil-affairs bureau; buyer of social services from NGOs (59 projects, 160 million RMB in 2012).',
    registration: { status: RegistrationStatus.REGISTERED, legalForm: LegalForm.GOVERNMENT_BODY },
  },
  {
    slug: 'pudong-civil-affairs-bureau', name: 'Pudong New Area Civil Affairs Bureau', nameZh: '浦东新区民政局', kind: GOVERNMENT_AGENCY,
    causeAreas: [C.COMMUNITY_DEVELOPMENT], city: 'Shanghai', province: 'Shanghai',
    registration: { status: RegistrationStatus.REGISTERED, legalForm: LegalForm.GOVERNMENT_BODY },
  },
  {
    slug: 'sowossky', name: 'SowosSky', nameZh: '社工天空', kind: NETWORK, causeAreas: [C.SOCIAL_WORK, C.EDUCATION], stage: DevelopmentStage.GROWTH,
    description: 'Social-work portal and community for social workers and social-work students; runs the "Spread Your Wings" training camp.',
    registration: { status: RegistrationStatus.UNREGISTERED },
  },
  {
    slug: 'spinachina', name: 'SpinaChina', kind: NGO, causeAreas: [C.DISABILITY, C.HEALTH], stage: DevelopmentStage.STARTUP,
    description: 'Peer-support organization for people living with spinal cord injury.',
    registration: { status: RegistrationStatus.UNREGISTERED },
  },
  {
    slug: 'swufe', name: 'Southwestern University of Finance and Economics', nameZh: '西南财经大学', kind: UNIVERSITY,
    causeAreas: [C.EDUCATION, C.SOCIAL_WORK], city: 'Chengdu', province: 'Sichuan', foundedOn: '1925-01-01', stage: DevelopmentStage.MATURE,
    website: 'https://www.swufe.edu.cn/', description: 'University in Chengdu; co-runs the senior social-work supervisors course.',
    registration: { status: RegistrationStatus.REGISTERED, legalForm: LegalForm.PUBLIC_INSTITUTION },
  },
  {
    slug: 'taiwan-red-cross', name: 'Taiwan Red Cross', nameZh: '台湾红十字组织', kind: MASS_ORGANIZATION, causeAreas: [C.DISASTER_RELIEF, C.SOCIAL_WORK],
    city: 'Taipei', province: 'Taiwan', country: 'TW', stage: DevelopmentStage.MATURE,
    description: 'Red Cross organization in Taiwan; brought social-work supervisors to the Chengdu supervisors course after the 2008 earthquake.',
    registration: { status: RegistrationStatus.UNREGISTERED },
  },
  {
    slug: 'chengdu-community-elderly-care-center', name: 'Chengdu Community Elderly Care Service Center', nameZh: '成都社区居家养老服务中心', kind: NGO,
    causeAreas: [C.ELDERLY_CARE, C.COMMUNITY_DEVELOPMENT], city: 'Chengdu', province: 'Sichuan', stage: DevelopmentStage.STARTUP,
    description: 'Home-based elderly care in Chengdu communities; incubated in the Service Park\'s first cohort.',
    registration: { status: RegistrationStatus.FILED_ON_RECORD, authority: 'Chengdu Civil Affairs Bureau', authorityZh: '成都市民政局' },
  },
  {
    slug: 'chengdu-migrant-children-center', name: 'Chengdu Migrant Children Learning Center', nameZh: '成都流动儿童学习中心', kind: NGO,
    causeAreas: [C.CHILDREN_AND_YOUTH, C.MIGRANT_WORKERS, C.EDUCATION], city: 'Chengdu', province: 'Sichuan', stage: DevelopmentStage.STARTUP,
    description: 'After-school learning for children of migrant workers; incubated in the Service Park\'s first cohort.',
    registration: { status: RegistrationStatus.UNREGISTERED },
  },
  {
    slug: 'chengdu-community-legal-aid', name: 'Chengdu Community Legal Service Center', nameZh: '成都社区法律服务中心', kind: NGO,
    causeAreas: [C.LEGAL_AID, C.COMMUNITY_DEVELOPMENT], city: 'Chengdu', province: 'Sichuan', stage: DevelopmentStage.STARTUP,
    description: 'Community legal services bought by the city in 2012; incubated in the Service Park\'s first cohort.',
    registration: { status: RegistrationStatus.REGISTERED, legalForm: LegalForm.SOCIAL_SERVICE_ORGANIZATION, path: RegistrationPath.DIRECT, authority: 'Chengdu Civil Affairs Bureau', authorityZh: '成都市民政局' },
  },
  ...SERVICE_PARK_COHORT_ORGANIZATIONS,
];

export async function seedOrganizations(em: EntityManager, log: Logger): Promise<number> {
  const rows = SEED_ORGANIZATIONS.map(({ slug, registration, ...fields }) => {
    const organization = em.create(Organization, { ...fields, id: seedId(`org:${slug}`) } as Organization, { persist: false });
    organization.registration = Object.assign(new Registration(), registration);
    return organization;
  });
  const organizations = await insertMissing(em, Organization, rows);
  const registrationChanges = await seedRegistrationHistory(em, SEED_ORGANIZATIONS);
  const relations = await seedRelations(em);
  const incubation = await seedIncubation(em);
  const members = await seedMembers(em);
  log.info({ organizations, registrationChanges, relations, incubation, members }, 'organizations seeded');
  return organizations + registrationChanges + relations + incubation + members;
}
