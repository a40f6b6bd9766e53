import type { EntityManager } from '@mikro-orm/postgresql';
import { CauseArea, illustrative, retractSeed, SEED_SOURCES, seedId, sourced, upsertSeed, type Logger, type Provenance } from '@ngo-hub/kit';
import { Disbursement } from '../src/entities/disbursement';
import { FundingApplication } from '../src/entities/funding-application';
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
  provenance: Provenance;
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
  provenance: Provenance;
}

export const SEED_PROGRAMMES: SeedProgramme[] = [
  {
    slug: 'chengdu-2012-purchase-of-services',
    name: 'Chengdu purchase of services from social organizations (2012)',
    nameZh: '成都市政府向社会组织购买服务（2012年）',
    kind: FundingKind.GOVERNMENT_PURCHASE_OF_SERVICES,
    year: 2012,
    funder: org('chengdu-municipal-government'),
    budget: { amount: '160000000.00', currency: 'CNY' },
    description:
      'From 2012 the city of Chengdu buys services from social organizations. By incomplete figures, 160 million RMB went to 59 projects in the year reported, ' +
      'covering public employment training, teacher training, culture and health services, community legal services and community elderly care. ' +
      'The article gives neither the project list nor the recipients.',
    causeAreas: [C.EMPLOYMENT, C.EDUCATION, C.CULTURE, C.HEALTH, C.LEGAL_AID, C.ELDERLY_CARE, C.COMMUNITY_DEVELOPMENT],
    plannedProjects: 59,
    lots: [
      { slug: 'public-employment-training', name: 'Public employment training', nameZh: '公共就业培训', causeAreas: [C.EMPLOYMENT] },
      { slug: 'teacher-training', name: 'Teacher training', nameZh: '教师培训', causeAreas: [C.EDUCATION] },
      { slug: 'culture-and-health', name: 'Culture and health services', nameZh: '文化与健康服务', causeAreas: [C.CULTURE, C.HEALTH] },
      { slug: 'community-legal-services', name: 'Community legal services', nameZh: '社区法律服务', causeAreas: [C.LEGAL_AID, C.COMMUNITY_DEVELOPMENT] },
      { slug: 'community-elderly-care', name: 'Community elderly care', nameZh: '社区养老服务', causeAreas: [C.ELDERLY_CARE, C.COMMUNITY_DEVELOPMENT] },
    ],
    provenance: sourced(
      SEED_SOURCES.servicePark,
      "160 million RMB to 59 projects (by incomplete figures) and the five areas. The Chinese name is a description, not the article's.",
    ),
  },
];

const CHENGDU_2012 = 'chengdu-2012-purchase-of-services';
/** The three example projects stand for some of the 59 the article does not list; their recipients are invented cohort members. */
const EXAMPLE_PROJECT = illustrative(
  'an invented example of the 59 purchased projects, which the article does not list; amounts, dates and recipient are invented.',
  SEED_SOURCES.servicePark,
);

export const SEED_GRANTS: SeedGrant[] = [
  {
    slug: 'chengdu-2012-community-elderly-care',
    identifier: '360G-chengdu-2012-001',
    title: '社区居家养老服务 (Community home-based elderly care)',
    description: 'Illustrative example project: home visits, day care and meal services for elderly residents of Chengdu communities.',
    amount: '860000.00',
    currency: 'CNY',
    awardDate: '2012-04-20',
    plannedStartDate: '2012-05-01',
    plannedEndDate: '2013-04-30',
    recipient: org('chengdu-community-elderly-care-center'),
    funder: org('chengdu-municipal-government'),
    programme: CHENGDU_2012,
    lot: 'community-elderly-care',
    beneficiaryLocation: 'Chengdu, Sichuan',
    causeAreas: [C.ELDERLY_CARE, C.COMMUNITY_DEVELOPMENT],
    status: GrantStatus.COMPLETED,
    provenance: EXAMPLE_PROJECT,
  },
  {
    slug: 'chengdu-2012-community-legal-services',
    identifier: '360G-chengdu-2012-002',
    title: '社区法律服务 (Community legal services)',
    description: 'Illustrative example project: free legal consultation and mediation in Chengdu communities.',
    amount: '425500.00',
    currency: 'CNY',
    awardDate: '2012-04-20',
    plannedStartDate: '2012-05-01',
    plannedEndDate: '2013-04-30',
    recipient: org('chengdu-community-legal-aid'),
    funder: org('chengdu-municipal-government'),
    programme: CHENGDU_2012,
    lot: 'community-legal-services',
    beneficiaryLocation: 'Chengdu, Sichuan',
    causeAreas: [C.LEGAL_AID, C.COMMUNITY_DEVELOPMENT],
    status: GrantStatus.COMPLETED,
    provenance: EXAMPLE_PROJECT,
  },
  {
    slug: 'chengdu-2012-migrant-children-culture-and-health',
    identifier: '360G-chengdu-2012-003',
    title: '流动儿童文化健康服务 (Culture and health activities for migrant children)',
    description: 'Illustrative example project: after-school culture and health activities for children of migrant workers.',
    amount: '286400.75',
    currency: 'CNY',
    awardDate: '2012-05-15',
    plannedStartDate: '2012-06-01',
    plannedEndDate: '2013-05-31',
    recipient: org('chengdu-migrant-children-center'),
    funder: org('chengdu-municipal-government'),
    programme: CHENGDU_2012,
    lot: 'culture-and-health',
    beneficiaryLocation: 'Chengdu, Sichuan',
    causeAreas: [C.CHILDREN_AND_YOUTH, C.MIGRANT_WORKERS, C.CULTURE, C.HEALTH],
    status: GrantStatus.COMPLETED,
    provenance: EXAMPLE_PROJECT,
  },
  {
    slug: 'chengdu-2012-rural-teacher-training',
    identifier: '360G-chengdu-2012-004',
    title: '乡村教师培训 (Training for rural teachers)',
    description: 'Illustrative example project: training for teachers of rural schools around Chengdu.',
    amount: '350000.00',
    currency: 'CNY',
    awardDate: '2012-03-01',
    plannedStartDate: '2012-03-01',
    plannedEndDate: '2012-12-31',
    recipient: org('chengdu-rural-education-support-center'),
    funder: org('chengdu-municipal-government'),
    programme: CHENGDU_2012,
    beneficiaryLocation: 'Chengdu, Sichuan',
    causeAreas: [C.EDUCATION],
    status: GrantStatus.COMPLETED,
    provenance: EXAMPLE_PROJECT,
  },
];

/** Payments of the example projects, as purchase contracts pay them (illustrative, like the projects). */
export const SEED_DISBURSEMENTS = [
  {
    slug: 'chengdu-2012-elderly-care-1',
    grant: 'chengdu-2012-community-elderly-care',
    amount: '430000.00',
    date: '2012-05-10',
    note: 'First instalment (50%) on signing the service contract',
  },
  {
    slug: 'chengdu-2012-elderly-care-2',
    grant: 'chengdu-2012-community-elderly-care',
    amount: '430000.00',
    date: '2012-11-20',
    note: 'Second instalment (50%) after the mid-term evaluation',
  },
];

/** No funding applications are seeded: the sources describe none. */
export const SEED_APPLICATIONS: { slug: string }[] = [];

/**
 * What an earlier seed invented about real organizations: a 2012 venture-philanthropy round of the
 * Shanghai United Foundation with grants to SpinaChina and SowosSky, a grant to the Service Park from
 * the Chengdu foundation, NPI Chengdu paid to operate the Park. Taken back when the seed loads.
 */
const RETRACTED = {
  programmes: ['shanghai-united-foundation-venture-philanthropy-2012'],
  grants: ['chengdu-2012-service-park-operation', 'suf-vp-2012-spinachina', 'suf-vp-2012-sowossky', 'csodf-2012-service-park-capacity-building'],
  disbursements: ['suf-vp-2012-spinachina-1', 'suf-vp-2012-spinachina-2', 'suf-vp-2012-sowossky-1'],
  applications: ['suf-vp-2012-spinachina', 'suf-vp-2012-sowossky', 'suf-vp-2012-migrant-children'],
};

/**
 * Funding in the sector the source documents describe: Chengdu's 2012 purchase of services
 * (sourced) and three illustrative example projects of its 59. Organizations are referred to by their
 * seed ids (`seedId('org:<slug>')`), which the organizations subgraph's seed gives them.
 */
export async function seedFunding(em: EntityManager, log: Logger): Promise<number> {
  const programmes = SEED_PROGRAMMES.map(({ slug, funder, budget, lots: _lots, ...fields }) => ({
    ...fields,
    id: programme(slug),
    funderOrganizationId: funder,
    budgetAmount: budget?.amount,
    budgetCurrency: budget?.currency,
  }));
  const lots = SEED_PROGRAMMES.flatMap(({ slug: programmeSlug, lots: programmeLots }) =>
    (programmeLots ?? []).map(({ slug, ...fields }, i) => ({ ...fields, id: lot(programmeSlug, slug), programme: programme(programmeSlug), position: i + 1 })),
  );
  const grants = SEED_GRANTS.map(({ slug, recipient, funder, programme: programmeSlug, lot: lotSlug, ...fields }) => ({
    ...fields,
    id: grant(slug),
    recipientOrganizationId: recipient,
    fundingOrganizationId: funder,
    programme: programmeSlug ? programme(programmeSlug) : undefined,
    lot: programmeSlug && lotSlug ? lot(programmeSlug, lotSlug) : undefined,
  }));
  const disbursements = SEED_DISBURSEMENTS.map(({ slug, grant: grantSlug, ...fields }) => ({
    ...fields,
    id: seedId(`disbursement:${slug}`),
    grant: grant(grantSlug),
    currency: 'CNY',
  }));
  const withdrawn =
    (await retractSeed(
      em,
      FundingApplication,
      RETRACTED.applications.map((slug) => seedId(`application:${slug}`)),
    )) +
    (await retractSeed(
      em,
      Disbursement,
      RETRACTED.disbursements.map((slug) => seedId(`disbursement:${slug}`)),
    )) +
    (await retractSeed(em, Grant, RETRACTED.grants.map(grant))) +
    (await em.nativeDelete(FundingProgrammeLot, { programme: { $in: RETRACTED.programmes.map(programme) } })) +
    (await retractSeed(em, FundingProgramme, RETRACTED.programmes.map(programme)));
  const written = {
    withdrawn,
    programmes: await upsertSeed(em, FundingProgramme, programmes as never),
    lots: await upsertSeed(em, FundingProgrammeLot, lots as never),
    grants: await upsertSeed(em, Grant, grants as never),
    disbursements: await upsertSeed(em, Disbursement, disbursements as never),
  };
  log.info(written, 'funding seeded');
  return Object.values(written).reduce((sum, n) => sum + n, 0);
}
