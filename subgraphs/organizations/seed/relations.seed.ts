import type { EntityManager } from '@mikro-orm/postgresql';
import { insertMissing, seedId } from '@ngo-hub/kit';
import { OrganizationRelation } from '../src/entities/organization-relation';
import { OrganizationRelationKind } from '../src/vocabulary/organization-relation-kind';

const { PARTNER, SUPERVISED_BY, REPLICATED_MODEL_OF, CO_ORGANIZER } = OrganizationRelationKind;

/** Ties between seeded organizations, by slug: read as "from <kind> to". */
export const SEED_RELATIONS: { from: string; kind: OrganizationRelationKind; to: string; startedOn?: string; note: string }[] = [
  { from: 'npi-beijing', kind: REPLICATED_MODEL_OF, to: 'npi', note: 'Replicates NPI\'s incubation model in Beijing.' },
  { from: 'npi-chengdu', kind: REPLICATED_MODEL_OF, to: 'npi', note: 'Replicates NPI\'s incubation model in Chengdu.' },
  { from: 'npi-shenzhen', kind: REPLICATED_MODEL_OF, to: 'npi', note: 'Replicates NPI\'s incubation model in Shenzhen.' },
  {
    from: 'npi-chengdu', kind: PARTNER, to: 'chengdu-ngo-service-park', startedOn: '2009-01-01',
    note: 'NPI Chengdu operates the Service Park, which the city supports (run by an NGO, assisted by government: 民办官助).',
  },
  {
    from: 'chengdu-social-organization-development-foundation', kind: SUPERVISED_BY, to: 'chengdu-civil-affairs-bureau',
    note: 'Supervising unit (业务主管单位) under dual registration.',
  },
  { from: 'chengdu-ngo-service-park', kind: CO_ORGANIZER, to: 'swufe', note: 'Co-run the senior social-work supervisors course.' },
  { from: 'chengdu-ngo-service-park', kind: CO_ORGANIZER, to: 'taiwan-red-cross', note: 'Co-run the senior social-work supervisors course.' },
];

export async function seedRelations(em: EntityManager): Promise<number> {
  return insertMissing(
    em,
    OrganizationRelation,
    SEED_RELATIONS.map(({ from, kind, to, ...fields }) => ({
      ...fields,
      id: seedId(`relation:${from}:${kind}:${to}`),
      kind,
      fromOrganization: seedId(`org:${from}`),
      toOrganization: seedId(`org:${to}`),
    })),
  );
}
