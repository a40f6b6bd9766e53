import type { EntityManager } from '@mikro-orm/postgresql';
import { CauseArea, insertMissing, seedId, type Logger } from '@ngo-hub/kit';
import { Disbursement } from '../src/entities/disbursement';
import { FundingApplication, FundingApplicationStatus } from '../src/entities/funding-application';
import { FundingKind, FundingProgramme } from '../src/entities/funding-programme';
import { FundingProgrammeLot } from '../src/entities/funding-programme-lot';
import { Grant, GrantStatus } from '../src/entities/grant';

const C = CauseArea;
const org = (slug: string) => seedId(`org:${slug}`);
const programme = (slug: string) => seedId(`programme:${slug}`);
const lot = (programmeSlug: string, slug: string) => seedId(`lot:${programmeSlug}:${slug}`);
const grant = (slug: string) => seedId(`grant:${slug}`);

interface SeedLot {
  slug: string;
  name: string;
  nameZh: string;
  causeAreas: CauseArea[];
}

interface SeedProgramme {
  slug: string;
  name: string;
  nameZh?: string;
  kind: FundingKind;
  year: number;
  funder: string;
  budget?: { amount: string; currency: string };
  description: string;
  causeAreas: CauseArea[];
  plannedProjects?: number;
  lots?: SeedLot[];
}

interface SeedGrant {
  slug: string;
  identifier: string;
  title: string;
  description: string;
  amount: string;
  currency: string;
  awardDate: string;
  plannedStartDate?: string;
  plannedEndDate?: string;
  recipient: string;
  funder: string;
  programme?: string;
  lot?: string;
  beneficiaryLocation?: string;
  causeAreas: CauseArea[];
  status: GrantStatus;
}

export const SEED_PROGRAMMES: SeedProgramme[] = [
  {
    slug: 'chengdu-2012-purchase-of-services',
    name: 'Chengdu 2012 Government Purchase of Social Services',
    nameZh: '成都市2012年政府购买社会服务',
    kind: FundingKind.GOVERNMENT_PURCHASE_OF_SERVICES,
    year: 2012,
    funder: org('chengdu-civil-affairs-bureau'),
    budget: { amount: '160000000.00', currency: 'CNY' },
    description:
      'The city of Chengdu bought social services from NGOs in 2012: 59 projects and 160 million RMB across public employment training, ' +
      'teacher training, culture and health, community legal services and community elderly care.',
    causeAreas: [C.EMPLOYMENT, C.EDUCATION, C.CULTURE, C.HEALTH, C.LEGAL_AID, C.ELDERLY_CARE, C.COMMUNITY_DEVELOPMENT],
    plannedProjects: 59,
    lots: [
      { slug: 'public-employment-training', name: 'Public employment training', nameZh: '公共就业培训', causeAreas: [C.EMPLOYMENT] },
      { slug: 'teacher-training', name: 'Teacher training', nameZh: '教师培训', causeAreas: [C.EDUCATION] },
      { slug: 'culture-and-health', name: 'Culture and health', nameZh: '文化与健康', causeAreas: [C.CULTURE, C.HEALTH] },
      { slug: 'community-legal-services', name: 'Community legal services', nameZh: '社区法律服务', causeAreas: [C.LEGAL_AID, C.COMMUNITY_DEVELOPMENT] },
      { slug: 'community-elderly-care', name: 'Community elderly care', nameZh: '社区养老服务', causeAreas: [C.ELDERLY_CARE, C.COMMUNITY_DEVELOPMENT] },
    ],
  },
  {
    slug: 'shanghai-united-foundation-venture-philanthropy-2012',
    name: 'Shanghai United Foundation Venture Philanthropy 2012',
    nameZh: '联劝公益创投2012',
    kind: FundingKind.VENTURE_PHILANTHROPY,
    year: 2012,
    funder: org('shanghai-united-foundation'),
    budget: { amount: '2000000.00', currency: 'CNY' },
    description: 'Venture philanthropy round of the Shanghai United Foundation: small grants with capacity building for grassroots NGOs.',
    causeAreas: [C.SECTOR_CAPACITY_BUILDING, C.COMMUNITY_DEVELOPMENT],
  },
];

const CHENGDU_2012 = 'chengdu-2012-purchase-of-services';
const SUF_VP_2012 = 'shanghai-united-foundation-venture-philanthropy-2012';

export const SEED_GRANTS: SeedGrant[] = [
  {
    slug: 'chengdu-2012-community-elderly-care',
    identifier: '360G-chengdu-2012-001',
    title: '社区居家养老服务 (Community home-based elderly care)',
    description: 'Home visits, day care and meal services for elderly residents of Chengdu communities, bought under the 2012 purchase of services.',
    amount: '860000.00', currency: 'CNY', awardDate: '2012-04-20', plannedStartDate: '2012-05-01', plannedEndDate: '2013-04-30',
    recipient: org('chengdu-community-elderly-care-center'), funder: org('chengdu-civil-affairs-bureau'), programme: CHENGDU_2012, lot: 'community-elderly-care',
    beneficiaryLocation: 'Chengdu, Sichuan', causeAreas: [C.ELDERLY_CARE, C.COMMUNITY_DEVELOPMENT], status: GrantStatus.COMPLETED,
  },
  {
    slug: 'chengdu-2012-community-legal-services',
    identifier: '360G-chengdu-2012-002',
    title: '社区法律服务 (Community legal services)',
    description: 'Free legal consultation and mediation in Chengdu communities, bought under the 2012 purchase of services.',
    amount: '425500.00', currency: 'CNY', awardDate: '2012-04-20', plannedStartDate: '2012-05-01', plannedEndDate: '2013-04-30',
    recipient: org('chengdu-community-legal-aid'), funder: org('chengdu-civil-affairs-bureau'), programme: CHENGDU_2012, lot: 'community-legal-services',
    beneficiaryLocation: 'Chengdu, Sichuan', causeAreas: [C.LEGAL_AID, C.COMMUNITY_DEVELOPMENT], status: GrantStatus.COMPLETED,
  },
  {
    slug: 'chengdu-2012-migrant-children-culture-and-health',
    identifier: '360G-chengdu-2012-003',
    title: '流动儿童文化健康服务 (Culture and health activities for migrant children)',
    description: 'After-school culture and health activities for children of migrant workers, bought under the 2012 purchase of services.',
    amount: '286400.75', currency: 'CNY', awardDate: '2012-05-15', plannedStartDate: '2012-06-01', plannedEndDate: '2013-05-31',
    recipient: org('chengdu-migrant-children-center'), funder: org('chengdu-civil-affairs-bureau'), programme: CHENGDU_2012, lot: 'culture-and-health',
    beneficiaryLocation: 'Chengdu, Sichuan', causeAreas: [C.CHILDREN_AND_YOUTH, C.MIGRANT_WORKERS, C.CULTURE, C.HEALTH], status: GrantStatus.COMPLETED,
  },
  {
    slug: 'chengdu-2012-service-park-operation',
    identifier: '360G-chengdu-2012-004',
    title: '成都公益组织服务园运营 (Operating the Chengdu NGO Service Park)',
    description: 'NPI Chengdu operates the Chengdu NGO Service Park for the city: incubation space, training and support for its cohorts of NGOs.',
    amount: '1500000.00', currency: 'CNY', awardDate: '2012-03-01', plannedStartDate: '2012-03-01', plannedEndDate: '2012-12-31',
    recipient: org('npi-chengdu'), funder: org('chengdu-civil-affairs-bureau'), programme: CHENGDU_2012,
    beneficiaryLocation: 'Chengdu, Sichuan', causeAreas: [C.SECTOR_CAPACITY_BUILDING], status: GrantStatus.COMPLETED,
  },
  {
    slug: 'suf-vp-2012-spinachina',
    identifier: '360G-suf-vp-2012-001',
    title: '脊髓损伤者同伴支持 (Peer support for people living with spinal cord injury)',
    description: 'Venture philanthropy grant to SpinaChina for peer-support groups and rehabilitation information.',
    amount: '80000.00', currency: 'CNY', awardDate: '2012-09-10', plannedStartDate: '2012-10-01', plannedEndDate: '2013-09-30',
    recipient: org('spinachina'), funder: org('shanghai-united-foundation'), programme: SUF_VP_2012,
    beneficiaryLocation: 'China', causeAreas: [C.DISABILITY, C.HEALTH], status: GrantStatus.COMPLETED,
  },
  {
    slug: 'suf-vp-2012-sowossky',
    identifier: '360G-suf-vp-2012-002',
    title: 'Spread Your Wings training camp for social-work students',
    description: 'Venture philanthropy grant to SowosSky for its "Spread Your Wings" training camp for social-work students.',
    amount: '56000.00', currency: 'CNY', awardDate: '2012-09-10', plannedStartDate: '2012-10-01', plannedEndDate: '2013-06-30',
    recipient: org('sowossky'), funder: org('shanghai-united-foundation'), programme: SUF_VP_2012,
    beneficiaryLocation: 'China', causeAreas: [C.SOCIAL_WORK, C.EDUCATION], status: GrantStatus.COMPLETED,
  },
  {
    slug: 'csodf-2012-service-park-capacity-building',
    identifier: '360G-csodf-2012-001',
    title: '公益组织能力建设 (Capacity building for incubated NGOs)',
    description: 'Grant to the Chengdu NGO Service Park for training and mentoring its incubated organizations.',
    amount: '300000.00', currency: 'CNY', awardDate: '2012-06-18', plannedStartDate: '2012-07-01', plannedEndDate: '2013-06-30',
    recipient: org('chengdu-ngo-service-park'), funder: org('chengdu-social-organization-development-foundation'),
    beneficiaryLocation: 'Chengdu, Sichuan', causeAreas: [C.SECTOR_CAPACITY_BUILDING], status: GrantStatus.COMPLETED,
  },
];

/** Payments of the seeded grants that were tracked: instalments as purchase contracts and venture philanthropy rounds pay them. */
export const SEED_DISBURSEMENTS = [
  { slug: 'chengdu-2012-elderly-care-1', grant: 'chengdu-2012-community-elderly-care', amount: '430000.00', date: '2012-05-10', note: 'First instalment (50%) on signing the service contract' },
  { slug: 'chengdu-2012-elderly-care-2', grant: 'chengdu-2012-community-elderly-care', amount: '430000.00', date: '2012-11-20', note: 'Second instalment (50%) after the mid-term evaluation' },
  { slug: 'suf-vp-2012-spinachina-1', grant: 'suf-vp-2012-spinachina', amount: '48000.00', date: '2012-10-08', note: 'First tranche' },
  { slug: 'suf-vp-2012-spinachina-2', grant: 'suf-vp-2012-spinachina', amount: '32000.00', date: '2013-04-15', note: 'Second tranche after the mid-term review' },
  { slug: 'suf-vp-2012-sowossky-1', grant: 'suf-vp-2012-sowossky', amount: '56000.00', date: '2012-10-08', note: 'Paid in full' },
];

/** Applications to the 2012 venture philanthropy round: two awarded (one for less than asked), one declined. */
export const SEED_APPLICATIONS = [
  {
    slug: 'suf-vp-2012-spinachina', applicant: org('spinachina'), programme: SUF_VP_2012, grant: 'suf-vp-2012-spinachina',
    title: '脊髓损伤者同伴支持 (Peer support for people living with spinal cord injury)',
    description: 'Peer-support groups and rehabilitation information for people living with spinal cord injury.',
    requestedAmount: '100000.00', status: FundingApplicationStatus.AWARDED, submittedAt: '2012-06-30T02:00:00Z', decidedAt: '2012-09-10T02:00:00Z',
  },
  {
    slug: 'suf-vp-2012-sowossky', applicant: org('sowossky'), programme: SUF_VP_2012, grant: 'suf-vp-2012-sowossky',
    title: 'Spread Your Wings training camp for social-work students',
    description: 'A training camp preparing social-work students for practice in NGOs.',
    requestedAmount: '56000.00', status: FundingApplicationStatus.AWARDED, submittedAt: '2012-07-02T02:00:00Z', decidedAt: '2012-09-10T02:00:00Z',
  },
  {
    slug: 'suf-vp-2012-migrant-children', applicant: org('chengdu-migrant-children-center'), programme: SUF_VP_2012,
    title: '流动儿童课后辅导 (After-school tutoring for migrant children)',
    description: 'After-school tutoring by volunteers for children of migrant workers in Chengdu.',
    requestedAmount: '120000.00', status: FundingApplicationStatus.DECLINED, submittedAt: '2012-07-05T02:00:00Z', decidedAt: '2012-09-10T02:00:00Z',
    decisionNote: 'Not shortlisted for this round.',
  },
];

/**
 * Funding in the sector the source documents describe. Organizations are referred to by their
 * seed ids (`seedId('org:<slug>')`), which the organizations subgraph's seed gives them.
 */
export async function seedFunding(em: EntityManager, log: Logger): Promise<number> {
  const programmes = SEED_PROGRAMMES.map(({ slug, funder, budget, lots: _lots, ...fields }) =>
    em.create(
      FundingProgramme,
      { ...fields, id: programme(slug), funderOrganizationId: funder, budgetAmount: budget?.amount, budgetCurrency: budget?.currency },
      { persist: false },
    ),
  );
  const lots = SEED_PROGRAMMES.flatMap(({ slug: programmeSlug, lots: programmeLots }) =>
    (programmeLots ?? []).map(({ slug, ...fields }, i) =>
      em.create(FundingProgrammeLot, { ...fields, id: lot(programmeSlug, slug), programme: programme(programmeSlug), position: i + 1 }, { persist: false }),
    ),
  );
  const grants = SEED_GRANTS.map(({ slug, recipient, funder, programme: programmeSlug, lot: lotSlug, ...fields }) =>
    em.create(
      Grant,
      {
        ...fields,
        id: grant(slug),
        recipientOrganizationId: recipient,
        fundingOrganizationId: funder,
        programme: programmeSlug ? programme(programmeSlug) : undefined,
        lot: programmeSlug && lotSlug ? lot(programmeSlug, lotSlug) : undefined,
      },
      { persist: false },
    ),
  );
  const disbursements = SEED_DISBURSEMENTS.map(({ slug, grant: grantSlug, ...fields }) =>
    em.create(Disbursement, { ...fields, id: seedId(`disbursement:${slug}`), grant: grant(grantSlug), currency: 'CNY' }, { persist: false }),
  );
  const applications = SEED_APPLICATIONS.map(({ slug, applicant, programme: programmeSlug, grant: grantSlug, requestedAmount, submittedAt, decidedAt, ...fields }) =>
    em.create(
      FundingApplication,
      {
        ...fields,
        id: seedId(`application:${slug}`),
        applicantOrganizationId: applicant,
        programme: programme(programmeSlug),
        grant: grantSlug ? grant(grantSlug) : undefined,
        requestedAmount,
        requestedCurrency: 'CNY',
        submittedAt: new Date(submittedAt),
        decidedAt: new Date(decidedAt),
      },
      { persist: false },
    ),
  );
  const written = {
    programmes: await insertMissing(em, FundingProgramme, programmes),
    lots: await insertMissing(em, FundingProgrammeLot, lots),
    grants: await insertMissing(em, Grant, grants),
    disbursements: await insertMissing(em, Disbursement, disbursements),
    applications: await insertMissing(em, FundingApplication, applications),
  };
  log.info(written, 'funding seeded');
  return Object.values(written).reduce((sum, n) => sum + n, 0);
}
