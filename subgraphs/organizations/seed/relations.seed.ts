import type { EntityManager } from '@mikro-orm/postgresql';
import { retractSeed, SEED_SOURCES, seedId, sourced, upsertSeed, type SeedSource } from '@ngo-hub/kit';
import { OrganizationRelation } from '../src/entities/organization-relation';
import { OrganizationRelationKind } from '../src/vocabulary/organization-relation-kind';

const { PARTNER, SUPERVISED_BY, REPLICATED_MODEL_OF, CO_ORGANIZER } = OrganizationRelationKind;

/** Ties between seeded organizations, by slug: read as "from <kind> to". */
export const SEED_RELATIONS: { from: string; kind: OrganizationRelationKind; to: string; startedOn?: string; note: string; source: SeedSource }[] = [
  { from: 'npi-beijing', kind: REPLICATED_MODEL_OF, to: 'npi', note: "Replicates NPI's incubation model in Beijing.", source: SEED_SOURCES.servicePark },
  { from: 'npi-chengdu', kind: REPLICATED_MODEL_OF, to: 'npi', note: "Replicates NPI's incubation model in Chengdu.", source: SEED_SOURCES.servicePark },
  { from: 'npi-shenzhen', kind: REPLICATED_MODEL_OF, to: 'npi', note: "Replicates NPI's incubation model in Shenzhen.", source: SEED_SOURCES.servicePark },
  {
    from: 'shanghai-united-foundation',
    kind: PARTNER,
    to: 'npi',
    startedOn: '2009-01-01',
    note: "Established in 2009 with NPI's help; its venture philanthropy is combined with NPI's incubation.",
    source: SEED_SOURCES.servicePark,
  },
  {
    from: 'chengdu-social-organization-development-foundation',
    kind: REPLICATED_MODEL_OF,
    to: 'shanghai-united-foundation',
    note: 'Grant making modelled on the split between NPI (incubation) and the Shanghai United Foundation (grants).',
    source: SEED_SOURCES.servicePark,
  },
  {
    from: 'chengdu-ngo-service-park',
    kind: CO_ORGANIZER,
    to: 'swufe',
    note: 'Co-run the course for senior social-work supervisors.',
    source: SEED_SOURCES.servicePark,
  },
  {
    from: 'chengdu-ngo-service-park',
    kind: CO_ORGANIZER,
    to: 'taiwan-red-cross',
    note: 'Co-run the course for senior social-work supervisors.',
    source: SEED_SOURCES.servicePark,
  },
  {
    from: 'chengdu-ngo-service-park',
    kind: CO_ORGANIZER,
    to: 'shuangliu-county-disabled-persons-federation',
    startedOn: '2012-10-01',
    note: 'Held two coordination events for disability organizations in October 2012.',
    source: SEED_SOURCES.servicePark,
  },
];

/** Ties an earlier seed stated that the sources do not: who operates the Park, and a supervising unit. */
export const RETRACTED_RELATIONS = [
  { from: 'npi-chengdu', kind: PARTNER, to: 'chengdu-ngo-service-park' },
  { from: 'chengdu-social-organization-development-foundation', kind: SUPERVISED_BY, to: 'chengdu-civil-affairs-bureau' },
];

const relationSeedId = (r: { from: string; kind: OrganizationRelationKind; to: string }) => seedId(`relation:${r.from}:${r.kind}:${r.to}`);

export async function seedRelations(em: EntityManager): Promise<number> {
  const retracted = await retractSeed(em, OrganizationRelation, RETRACTED_RELATIONS.map(relationSeedId));
  return (
    retracted +
    (await upsertSeed(
      em,
      OrganizationRelation,
      SEED_RELATIONS.map(({ from, kind, to, source, ...fields }) => ({
        ...fields,
        provenance: sourced(source, fields.note),
        id: relationSeedId({ from, kind, to }),
        kind,
        fromOrganization: seedId(`org:${from}`),
        toOrganization: seedId(`org:${to}`),
      })),
    ))
  );
}
