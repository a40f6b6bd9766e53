import { CauseArea, illustrative, SEED_SOURCES } from '@ngo-hub/kit';
import { DevelopmentStage, OrganizationKind } from '../src/entities/organization';
import { LegalForm, RegistrationPath, RegistrationStatus } from '../src/entities/registration';
import type { SeedOrganization } from './organizations.seed';

const C = CauseArea;
const { FILED_ON_RECORD, REGISTERED, UNREGISTERED } = RegistrationStatus;
const CHENGDU = { city: 'Chengdu', province: 'Sichuan' } as const;
const FILED = { status: FILED_ON_RECORD, authority: 'Chengdu Civil Affairs Bureau', authorityZh: '成都市民政局' };
const REGISTERED_SSO = {
  status: REGISTERED,
  legalForm: LegalForm.SOCIAL_SERVICE_ORGANIZATION,
  path: RegistrationPath.DIRECT,
  authority: 'Chengdu Civil Affairs Bureau',
  authorityZh: '成都市民政局',
};

/** Marks a name the source documents do not give: the first group had 15 NGOs, the article names only SpinaChina. */
const ILLUSTRATIVE = "(Illustrative: invented name standing for a member of the Service Park's first cohort.)";
const STANDS_FOR = illustrative(
  "an invented organization standing for one of the 14 members of the Chengdu NGO Service Park's first group of 15 NGOs that the article does not name.",
  SEED_SOURCES.servicePark,
);

/**
 * Fourteen invented Chengdu grassroots NGOs standing for the members of the Chengdu NGO Service
 * Park's first group of 15 that the article does not name (it names only SpinaChina). Fictional:
 * any likeness to a real organization's name is unintended.
 */
const COHORT: Omit<SeedOrganization, 'provenance'>[] = [
  {
    slug: 'chengdu-community-elderly-care-center',
    name: 'Chengdu Community Elderly Care Service Center',
    nameZh: '成都社区居家养老服务中心',
    kind: OrganizationKind.NGO,
    causeAreas: [C.ELDERLY_CARE, C.COMMUNITY_DEVELOPMENT],
    ...CHENGDU,
    stage: DevelopmentStage.STARTUP,
    description: `Home-based elderly care in Chengdu communities. ${ILLUSTRATIVE}`,
    registration: FILED,
  },
  {
    slug: 'chengdu-migrant-children-center',
    name: 'Chengdu Migrant Children Learning Center',
    nameZh: '成都流动儿童学习中心',
    kind: OrganizationKind.NGO,
    causeAreas: [C.CHILDREN_AND_YOUTH, C.MIGRANT_WORKERS, C.EDUCATION],
    ...CHENGDU,
    stage: DevelopmentStage.STARTUP,
    description: `After-school learning for children of migrant workers. ${ILLUSTRATIVE}`,
    registration: { status: UNREGISTERED },
  },
  {
    slug: 'chengdu-community-legal-aid',
    name: 'Chengdu Community Legal Service Center',
    nameZh: '成都社区法律服务中心',
    kind: OrganizationKind.NGO,
    causeAreas: [C.LEGAL_AID, C.COMMUNITY_DEVELOPMENT],
    ...CHENGDU,
    stage: DevelopmentStage.STARTUP,
    description: `Community legal services and mediation. ${ILLUSTRATIVE}`,
    registration: REGISTERED_SSO,
  },
  {
    slug: 'chengdu-green-river-volunteers',
    name: 'Chengdu Green River Volunteers',
    nameZh: '成都绿色河流志愿者协会',
    kind: OrganizationKind.NGO,
    causeAreas: [C.ENVIRONMENT],
    ...CHENGDU,
    stage: DevelopmentStage.STARTUP,
    description: `Volunteers monitoring and cleaning the rivers of Chengdu. ${ILLUSTRATIVE}`,
    registration: FILED,
  },
  {
    slug: 'chengdu-sunflower-disability-support',
    name: 'Chengdu Sunflower Disability Support Center',
    nameZh: '成都向日葵残障支持中心',
    kind: OrganizationKind.NGO,
    causeAreas: [C.DISABILITY, C.EMPLOYMENT],
    ...CHENGDU,
    stage: DevelopmentStage.GROWTH,
    description: `Rehabilitation and job training for people with disabilities; filed on record, then registered during and after incubation. ${ILLUSTRATIVE}`,
    registration: { ...REGISTERED_SSO, registeredOn: '2011-04-12' },
  },
  {
    slug: 'chengdu-migrant-worker-home',
    name: "Chengdu Migrant Workers' Home",
    nameZh: '成都打工者之家',
    kind: OrganizationKind.NGO,
    causeAreas: [C.MIGRANT_WORKERS, C.EMPLOYMENT, C.LEGAL_AID],
    ...CHENGDU,
    stage: DevelopmentStage.IDEA,
    description: `Evening classes and labour-rights advice for migrant workers; left the cohort early. ${ILLUSTRATIVE}`,
    registration: { status: UNREGISTERED },
  },
  {
    slug: 'chengdu-youth-reading-club',
    name: 'Chengdu Youth Reading Club',
    nameZh: '成都青少年阅读会',
    kind: OrganizationKind.NGO,
    causeAreas: [C.CHILDREN_AND_YOUTH, C.EDUCATION, C.CULTURE],
    ...CHENGDU,
    stage: DevelopmentStage.STARTUP,
    description: `Community libraries and reading groups for children and teenagers. ${ILLUSTRATIVE}`,
    registration: FILED,
  },
  {
    slug: 'chengdu-womens-mutual-aid-network',
    name: "Chengdu Women's Mutual Aid Network",
    nameZh: '成都妇女互助网络',
    kind: OrganizationKind.NGO,
    causeAreas: [C.GENDER_EQUALITY, C.COMMUNITY_DEVELOPMENT],
    ...CHENGDU,
    stage: DevelopmentStage.STARTUP,
    description: `Peer support groups and hotlines for women in urban villages. ${ILLUSTRATIVE}`,
    registration: FILED,
  },
  {
    slug: 'chengdu-community-health-volunteers',
    name: 'Chengdu Community Health Volunteers',
    nameZh: '成都社区健康志愿服务队',
    kind: OrganizationKind.NGO,
    causeAreas: [C.HEALTH, C.ELDERLY_CARE],
    ...CHENGDU,
    stage: DevelopmentStage.STARTUP,
    description: `Health checks and health education in residential communities. ${ILLUSTRATIVE}`,
    registration: { status: UNREGISTERED },
  },
  {
    slug: 'chengdu-rural-education-support-center',
    name: 'Chengdu Rural Education Support Center',
    nameZh: '成都乡村教育支持中心',
    kind: OrganizationKind.NGO,
    causeAreas: [C.EDUCATION, C.POVERTY_ALLEVIATION, C.CHILDREN_AND_YOUTH],
    ...CHENGDU,
    stage: DevelopmentStage.GROWTH,
    description: `Teacher training and volunteer teaching in rural schools around Chengdu. ${ILLUSTRATIVE}`,
    registration: REGISTERED_SSO,
  },
  {
    slug: 'chengdu-post-earthquake-social-work-station',
    name: 'Chengdu Post-Earthquake Social Work Station',
    nameZh: '成都灾后重建社工站',
    kind: OrganizationKind.NGO,
    causeAreas: [C.DISASTER_RELIEF, C.SOCIAL_WORK, C.COMMUNITY_DEVELOPMENT],
    ...CHENGDU,
    stage: DevelopmentStage.GROWTH,
    description: `Social workers supporting resettled communities after the 2008 Wenchuan earthquake. ${ILLUSTRATIVE}`,
    registration: REGISTERED_SSO,
  },
  {
    slug: 'chengdu-autism-family-support-center',
    name: 'Chengdu Autism Family Support Center',
    nameZh: '成都自闭症家庭支持中心',
    kind: OrganizationKind.NGO,
    causeAreas: [C.DISABILITY, C.CHILDREN_AND_YOUTH, C.HEALTH],
    ...CHENGDU,
    stage: DevelopmentStage.STARTUP,
    description: `Parent training and respite care for families of autistic children. ${ILLUSTRATIVE}`,
    registration: { ...REGISTERED_SSO, registeredOn: '2010-07-01' },
  },
  {
    slug: 'chengdu-shu-culture-heritage-society',
    name: 'Chengdu Shu Culture Heritage Society',
    nameZh: '成都蜀文化传承社',
    kind: OrganizationKind.NGO,
    causeAreas: [C.CULTURE],
    ...CHENGDU,
    stage: DevelopmentStage.STARTUP,
    description: `Workshops on Sichuan opera, shu embroidery and local crafts for residents. ${ILLUSTRATIVE}`,
    registration: FILED,
  },
  {
    slug: 'chengdu-fair-trade-workshop',
    name: 'Chengdu Fair Trade Workshop',
    nameZh: '成都公平贸易工坊',
    kind: OrganizationKind.SOCIAL_ENTERPRISE,
    causeAreas: [C.EMPLOYMENT, C.POVERTY_ALLEVIATION],
    ...CHENGDU,
    stage: DevelopmentStage.STARTUP,
    description: `Social enterprise selling crafts made by rural women at fair prices. ${ILLUSTRATIVE}`,
    registration: { status: REGISTERED, legalForm: LegalForm.COMPANY, path: RegistrationPath.DIRECT },
  },
];

export const SERVICE_PARK_COHORT_ORGANIZATIONS: SeedOrganization[] = COHORT.map((organization) => ({ ...organization, provenance: STANDS_FOR }));
