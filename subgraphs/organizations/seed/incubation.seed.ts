import type { EntityManager } from '@mikro-orm/postgresql';
import { insertMissing, seedId } from '@ngo-hub/kit';
import { IncubationCohort } from '../src/entities/incubation-cohort';
import { IncubationMembership } from '../src/entities/incubation-membership';
import { IncubationProgramme } from '../src/entities/incubation-programme';
import { IncubationStatus } from '../src/vocabulary/incubation-status';
import { IncubationSupport } from '../src/vocabulary/incubation-support';

const org = (slug: string) => seedId(`org:${slug}`);
export const programmeSeedId = (slug: string) => seedId(`incubation-programme:${slug}`);
export const cohortSeedId = (programme: string, cohort: string) => seedId(`incubation-cohort:${programme}:${cohort}`);

const SERVICE_PARK_PROGRAMME = 'chengdu-ngo-service-park-incubation';
const FIRST_COHORT = 'first-cohort';

export const SEED_PROGRAMMES = [
  {
    slug: SERVICE_PARK_PROGRAMME, incubator: 'chengdu-ngo-service-park', city: 'Chengdu',
    name: 'Chengdu NGO Service Park Incubation Programme', nameZh: '成都公益组织服务园孵化计划',
    description: 'Incubation of grassroots NGOs in the Service Park: desks, event space, capacity building and mentoring by the advisory committee, in cohorts of about fifteen organizations.',
    descriptionZh: '服务园为草根公益组织提供办公工位、活动场地、能力建设和专家顾问委员会的陪伴辅导，每期孵化约十五家组织。',
  },
  {
    slug: 'npi-shanghai-incubator', incubator: 'npi', city: 'Shanghai',
    name: 'NPI Non-Profit Incubator (Shanghai)', nameZh: '恩派公益孵化器（上海）',
    description: 'NPI\'s incubation programme for start-up NGOs in Shanghai since 2006: the model later replicated in Beijing, Chengdu and Shenzhen.',
    descriptionZh: '恩派自2006年起在上海开展的公益组织孵化项目，后在北京、成都、深圳复制。',
  },
];

const SEED_COHORTS = [
  { programme: SERVICE_PARK_PROGRAMME, slug: FIRST_COHORT, name: 'First cohort (第一期)', year: 2009, startsOn: '2009-10-01', endsOn: '2010-09-30' },
];

const { DESK, EVENT_SPACE, CAPACITY_BUILDING, MENTORING, SEED_FUNDING } = IncubationSupport;
const FULL = [DESK, EVENT_SPACE, CAPACITY_BUILDING, MENTORING];

/** The Service Park's first cohort, in the order the organizations applied. */
const FIRST_COHORT_MEMBERS: { organization: string; supports: IncubationSupport[]; left?: string }[] = [
  { organization: 'chengdu-community-elderly-care-center', supports: [...FULL, SEED_FUNDING] },
  { organization: 'chengdu-migrant-children-center', supports: [...FULL, SEED_FUNDING] },
  { organization: 'chengdu-community-legal-aid', supports: FULL },
  { organization: 'chengdu-green-river-volunteers', supports: [EVENT_SPACE, CAPACITY_BUILDING] },
  { organization: 'chengdu-sunflower-disability-support', supports: [...FULL, SEED_FUNDING] },
  { organization: 'chengdu-migrant-worker-home', supports: [DESK, CAPACITY_BUILDING], left: '2010-04-30' },
  { organization: 'chengdu-youth-reading-club', supports: [DESK, EVENT_SPACE, CAPACITY_BUILDING] },
  { organization: 'chengdu-womens-mutual-aid-network', supports: [EVENT_SPACE, CAPACITY_BUILDING, MENTORING] },
  { organization: 'chengdu-community-health-volunteers', supports: [CAPACITY_BUILDING, MENTORING] },
  { organization: 'chengdu-rural-education-support-center', supports: FULL },
  { organization: 'chengdu-post-earthquake-social-work-station', supports: [...FULL, SEED_FUNDING] },
  { organization: 'chengdu-autism-family-support-center', supports: FULL },
  { organization: 'chengdu-shu-culture-heritage-society', supports: [EVENT_SPACE, CAPACITY_BUILDING] },
  { organization: 'chengdu-fair-trade-workshop', supports: [DESK, CAPACITY_BUILDING, MENTORING] },
  { organization: 'chengdu-hospice-care-volunteers', supports: [CAPACITY_BUILDING], left: '2010-06-30' },
];

export const SEED_COHORT_MEMBER_SLUGS = FIRST_COHORT_MEMBERS.map((m) => m.organization);

/** The incubation programmes, the Service Park's first cohort and its fifteen members. Returns rows written. */
export async function seedIncubation(em: EntityManager): Promise<number> {
  const programmes = SEED_PROGRAMMES.map(({ slug, incubator, ...fields }) => ({ ...fields, id: programmeSeedId(slug), incubator: org(incubator) }));
  const cohorts = SEED_COHORTS.map(({ programme, slug, ...fields }) => ({ ...fields, id: cohortSeedId(programme, slug), programme: programmeSeedId(programme) }));
  const cohort = cohorts[0];
  const memberships = FIRST_COHORT_MEMBERS.map(({ organization, supports, left }, i) => ({
    id: seedId(`incubation-membership:${SERVICE_PARK_PROGRAMME}:${FIRST_COHORT}:${organization}`),
    cohort: cohort.id,
    organization: org(organization),
    status: left ? IncubationStatus.LEFT : IncubationStatus.GRADUATED,
    appliedOn: `2009-08-${String(i + 1).padStart(2, '0')}`,
    startedOn: cohort.startsOn,
    endedOn: left ?? cohort.endsOn,
    supports,
  }));
  return (
    (await insertMissing(em, IncubationProgramme, programmes)) +
    (await insertMissing(em, IncubationCohort, cohorts)) +
    (await insertMissing(em, IncubationMembership, memberships))
  );
}
