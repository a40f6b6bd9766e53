import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/postgresql';

/**
 * Which hub organization an org-id.guide identifier (GB-CHC-1164859, 360G-EFF-…, CN-USCI-…)
 * stands for: the importer's cache of what it found or created, and the export's fallback. The
 * organizations subgraph is the authority (`Organization.orgIds`, `organizations(filter: { orgIds })`).
 */
@Entity({ tableName: 'organization_identifier' })
@Index({ properties: ['organizationId'] })
export class OrganizationIdentifier {
  @PrimaryKey({ type: 'text' })
  orgId: string;

  @Property({ type: 'uuid' })
  organizationId: string;

  /** The name the identifier came with, for people reading the table. */
  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
