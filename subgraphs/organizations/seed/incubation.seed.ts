import type { EntityManager } from '@mikro-orm/postgresql';
import { illustrative, retractSeed, SEED_SOURCES, seedId, sourced, upsertSeed } from '@ngo-hub/kit';
import { IncubationCohort } from '../src/entities/incubation-cohort';
import { IncubationMembership } from '../src/entities/incubation-membership';
import { IncubationProgramme } from '../src/entities/incubation-programme';
import { IncubationStatus } from '../src/vocabulary/incubation-status';
import { IncubationSupport } from '../src/vocabulary/incubation-support';
import { SERVICE_PARK_COHORT_ORGANIZATIONS } from './service-park-cohort.seed';

const org = (slug: string) => seedId(`org:${slug}`);
export const programmeSeedId = (slug: string) => seedId(`incubation-programme:${slug}`);
export const cohortSeedId = (programme: string, cohort: string) => seedId(`incubation-cohort:${programme}:${cohort}`);
const membershipSeedId = (programme: string, cohort: string, organization: string) => seedId(`incubation-membership:${programme}:${cohort}:${organization}`);

const SERVICE_PARK_PROGRAMME = 'chengdu-ngo-service-park-incubation';
const NPI_PROGRAMME = 'npi-shanghai-incubator';
const FIRST_COHORT = 'first-cohort';
const NPI_2008 = 'september-2008-intake';

export const SEED_PROGRAMMES = [
  {
    slug: SERVICE_PARK_PROGRAMME,
    incubator: 'chengdu-ngo-service-park',
    city: 'Chengdu',
    provenance: sourced(
      SEED_SOURCES.servicePark,
      "The Park's incubation of a first group of 15 NGOs, its cubicles, event space and focus on capacity building.",
    ),
    name: 'Chengdu NGO Service Park Incubation Programme',
    nameZh: '成都公益组织服务园孵化计划',
    description:
      'Incubation of NGOs in the Service Park, opened in 2012: a first group of 15 NGOs in cubicles on the third floor and a 200 m² event space. ' +
      'Focuses on capacity building, links organizations with community needs through government resources, and brings mature organizations to guide emerging ones.',
    descriptionZh: '服务园2012年开园，首批15家公益组织在三楼办公，一楼设有200平方米的活动空间；重在能力建设。',
  },
  {
    slug: NPI_PROGRAMME,
    incubator: 'npi',
    city: 'Shanghai',
    provenance: sourced(SEED_SOURCES.sowossky, "NPI's incubator in Shanghai, its replication in other cities and SowosSky's admission in September 2008."),
    name: 'NPI Non-Profit Incubator (Shanghai)',
    nameZh: '恩派公益孵化器（上海）',
    description:
      "NPI's incubation programme in Shanghai, the first mainland incubator pilot (2006), later replicated in Beijing, Chengdu, Shenzhen and other cities. SowosSky was admitted in September 2008.",
    descriptionZh: '恩派自2006年起在上海开展的公益组织孵化项目，后在北京、成都、深圳等地复制。',
  },
];

/** The year or month is what the sources give; the first day stands for it. */
const SEED_COHORTS = [
  {
    programme: SERVICE_PARK_PROGRAMME,
    slug: FIRST_COHORT,
    name: 'First cohort (第一期)',
    year: 2012,
    startsOn: '2012-01-01',
    endsOn: null,
    provenance: sourced(SEED_SOURCES.servicePark, 'The first group of 15 NGOs of 2012; the article gives the year, not the day.'),
  },
  {
    programme: NPI_PROGRAMME,
    slug: NPI_2008,
    name: 'September 2008 intake',
    year: 2008,
    startsOn: '2008-09-01',
    endsOn: null,
    provenance: sourced(SEED_SOURCES.sowossky, "SowosSky's admission in September 2008; the profile gives the month, not the day."),
  },
];

const { DESK, EVENT_SPACE, CAPACITY_BUILDING } = IncubationSupport;

/**
 * Who was incubated where: SowosSky at NPI from September 2008 (SowosSky profile); the Service
 * Park's first group of 15 (the article names SpinaChina; the other 14 are illustrative) in 2012,
 * with desks (cubicles), the event space and capacity building, still in incubation when the article was written.
 */
const MEMBERSHIPS = [
  {
    programme: NPI_PROGRAMME,
    cohort: NPI_2008,
    organization: 'sowossky',
    status: IncubationStatus.ACTIVE,
    startedOn: '2008-09-01',
    supports: [] as IncubationSupport[],
    provenance: sourced(SEED_SOURCES.sowossky, "Admitted to NPI's incubation in September 2008."),
  },
  ...['spinachina', ...SERVICE_PARK_COHORT_ORGANIZATIONS.map((o) => o.slug)].map((organization) => ({
    programme: SERVICE_PARK_PROGRAMME,
    cohort: FIRST_COHORT,
    organization,
    status: IncubationStatus.ACTIVE,
    startedOn: '2012-01-01',
    supports: [DESK, EVENT_SPACE, CAPACITY_BUILDING],
    provenance:
      organization === 'spinachina'
        ? sourced(SEED_SOURCES.servicePark, 'SpinaChina, the member of the first group the article names.')
        : illustrative('an invented organization standing for one of the 14 members of the first group the article does not name.', SEED_SOURCES.servicePark),
  })),
];

export const SEED_COHORT_MEMBER_SLUGS = MEMBERSHIPS.filter((m) => m.cohort === FIRST_COHORT).map((m) => m.organization);

/** The incubation programmes, their cohorts and members. Returns rows written. */
export async function seedIncubation(em: EntityManager): Promise<number> {
  const programmes = SEED_PROGRAMMES.map(({ slug, incubator, ...fields }) => ({ ...fields, id: programmeSeedId(slug), incubator: org(incubator) }));
  const cohorts = SEED_COHORTS.map(({ programme, slug, ...fields }) => ({
    ...fields,
    id: cohortSeedId(programme, slug),
    programme: programmeSeedId(programme),
  }));
  const memberships = MEMBERSHIPS.map(({ programme, cohort, organization, status, startedOn, supports, provenance }) => ({
    id: membershipSeedId(programme, cohort, organization),
    cohort: cohortSeedId(programme, cohort),
    organization: org(organization),
    status,
    appliedOn: startedOn,
    startedOn,
    endedOn: null,
    supports,
    provenance,
  }));
  // the fifteenth invented member an earlier seed had (the article names SpinaChina in its place)
  const retracted = await retractSeed(em, IncubationMembership, [membershipSeedId(SERVICE_PARK_PROGRAMME, FIRST_COHORT, 'chengdu-hospice-care-volunteers')]);
  return (
    retracted +
    (await upsertSeed(em, IncubationProgramme, programmes)) +
    (await upsertSeed(em, IncubationCohort, cohorts as never)) +
    (await upsertSeed(em, IncubationMembership, memberships as never))
  );
}
