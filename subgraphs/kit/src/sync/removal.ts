import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars';

/**
 * A record that left a list partners sync: deleted, or no longer listed (a person's profile made
 * private or erased). Written by the database, not the code: triggers that each subgraph's
 * migration puts on its synced tables record a row's removal (and forget it when the row is
 * listed again), whatever deleted it — a mutation, the seed, an import or an operator's SQL.
 * Only the type, the id and the time are kept, so an erasure reveals nothing it erased.
 */
@Entity({ tableName: 'removal' })
@Index({ properties: ['type', 'removedAt', 'id'] })
@Directive('@shareable')
@ObjectType('Removal', { description: 'A record that left a list you sync (deleted, made private or erased): its id and when, nothing else.' })
export class Removal {
  /** The GraphQL type of what was removed, e.g. Organization. */
  @PrimaryKey({ type: 'text' })
  type!: string;

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'The id the record had: remove it from your copy.' })
  id!: string;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  @Field(() => DateTimeScalar, { description: "When it was removed (the hub's clock, milliseconds)." })
  removedAt!: Date;
}
