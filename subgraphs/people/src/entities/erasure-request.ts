import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/postgresql';

/**
 * A person's request to delete their account, kept until every subgraph confirmed the erasure:
 * `pending` names the subgraphs still to confirm; they are asked again until it is empty.
 */
@Entity({ tableName: 'erasure_request' })
export class ErasureRequest {
  @PrimaryKey({ type: 'uuid' })
  personId: string;

  @Property({ type: 'boolean' })
  keepCertificatesVerifiable: boolean;

  @Property({ type: 'text[]' })
  pending: string[];

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  requestedAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', length: 3, nullable: true })
  completedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;
}
