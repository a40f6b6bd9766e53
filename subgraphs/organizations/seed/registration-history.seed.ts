import type { EntityManager } from '@mikro-orm/postgresql';
import { retractSeed, seedId, upsertSeed } from '@ngo-hub/kit';
import { LegalForm, RegistrationPath, RegistrationStatus, type Registration } from '../src/entities/registration';
import { RegistrationChange } from '../src/entities/registration-change';
import type { SeedOrganization } from './organizations.seed';

/** When the current registration of a seeded organization without a longer history was recorded: the sector as of 2012. */
export const SEED_REGISTRATION_RECORDED_AT = '2012-12-31T00:00:00.000Z';

interface SeedHistory {
  /** The registrations before the current one, oldest first. */
  earlier: { recordedAt: string; registration: Partial<Registration> }[];
  /** When the current registration was recorded. */
  currentRecordedAt: string;
}

const CITY_BUREAU = { authority: 'Chengdu Civil Affairs Bureau', authorityZh: '成都市民政局' };

/** Organizations whose registration went step by step from unregistered to filed on record to registered. */
export const SEED_REGISTRATION_HISTORIES: Record<string, SeedHistory> = {
  sowossky: {
    earlier: [{ recordedAt: '2008-09-01', registration: { status: RegistrationStatus.UNREGISTERED } }],
    currentRecordedAt: '2009-12-01',
  },
  spinachina: { earlier: [], currentRecordedAt: '2012-05-01' },
  'chengdu-social-organization-development-foundation': { earlier: [], currentRecordedAt: '2012-06-01' },
  'chengdu-community-legal-aid': {
    earlier: [
      { recordedAt: '2009-08-03', registration: { status: RegistrationStatus.UNREGISTERED } },
      { recordedAt: '2010-01-15', registration: { status: RegistrationStatus.FILED_ON_RECORD, ...CITY_BUREAU, registeredOn: '2010-01-15' } },
    ],
    currentRecordedAt: '2011-06-20',
  },
  'chengdu-sunflower-disability-support': {
    earlier: [
      { recordedAt: '2009-08-05', registration: { status: RegistrationStatus.UNREGISTERED } },
      { recordedAt: '2010-02-01', registration: { status: RegistrationStatus.FILED_ON_RECORD, ...CITY_BUREAU, registeredOn: '2010-02-01' } },
    ],
    currentRecordedAt: '2011-04-12',
  },
  'chengdu-community-elderly-care-center': {
    earlier: [{ recordedAt: '2009-08-01', registration: { status: RegistrationStatus.UNREGISTERED } }],
    currentRecordedAt: '2010-03-01',
  },
  'chengdu-autism-family-support-center': {
    earlier: [{ recordedAt: '2009-08-12', registration: { status: RegistrationStatus.UNREGISTERED } }],
    currentRecordedAt: '2010-07-01',
  },
};

const FIELDS = ['status', 'legalForm', 'path', 'authority', 'authorityZh', 'supervisingUnit', 'registeredOn', 'creditCode'] as const;

function changeRow(slug: string, index: number, registration: Partial<Registration>, previous: Partial<Registration> | undefined, recordedAt: string) {
  return {
    id: seedId(`registration-change:${slug}:${index}`),
    organization: seedId(`org:${slug}`),
    previousStatus: previous?.status,
    ...Object.fromEntries(FIELDS.map((field) => [field, registration[field]])),
    status: registration.status ?? RegistrationStatus.UNREGISTERED,
    recordedAt: new Date(recordedAt.length === 10 ? `${recordedAt}T00:00:00.000Z` : recordedAt),
  } as { id: string; organization: string; status: RegistrationStatus; recordedAt: Date; legalForm?: LegalForm; path?: RegistrationPath };
}

/** The most steps an earlier seed wrote for one organization: seed rows past the current history are taken back. */
const MAX_STEPS = 4;

/**
 * The registration history of each seeded organization: its earlier registrations, if the seed
 * knows them, then its current one. The seed's own rows are brought up to date; organizations
 * whose history holds rows the seed did not write (kept by the API, or started by the migration
 * that introduced it) are left alone.
 */
export async function seedRegistrationHistory(em: EntityManager, organizations: SeedOrganization[]): Promise<number> {
  const ids = organizations.map((o) => seedId(`org:${o.slug}`));
  const seedRowIds = new Set(organizations.flatMap((o) => Array.from({ length: MAX_STEPS }, (_, i) => seedId(`registration-change:${o.slug}:${i}`))));
  const existing = await em
    .createQueryBuilder(RegistrationChange, 'c')
    .select(['c.id', 'c.organization'], true)
    .where({ organization: { $in: ids } })
    .execute<{ id: string; organization_id: string }[]>('all', false);
  const skip = new Set(existing.filter((row) => !seedRowIds.has(row.id)).map((row) => row.organization_id));
  const kept = organizations.filter((o) => !skip.has(seedId(`org:${o.slug}`)));
  const rows = kept.flatMap(({ slug, registration = {} }) => {
    const history = SEED_REGISTRATION_HISTORIES[slug] ?? { earlier: [], currentRecordedAt: SEED_REGISTRATION_RECORDED_AT };
    const steps = [...history.earlier, { recordedAt: history.currentRecordedAt, registration: { status: RegistrationStatus.UNREGISTERED, ...registration } }];
    return steps.map((step, i) => changeRow(slug, i, step.registration, steps[i - 1]?.registration, step.recordedAt));
  });
  const written = new Set(rows.map((row) => row.id));
  const stale = kept.flatMap((o) => Array.from({ length: MAX_STEPS }, (_, i) => seedId(`registration-change:${o.slug}:${i}`))).filter((id) => !written.has(id));
  return (await retractSeed(em, RegistrationChange, stale)) + (await upsertSeed(em, RegistrationChange, rows as never));
}
