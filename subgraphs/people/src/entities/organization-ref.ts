import { ENTITY_DESCRIPTIONS, CacheControl, CACHE_MAX_AGE } from '@ngo-hub/kit/model';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The organizations subgraph's `Organization`, as this subgraph sees it: its key plus the fields
 * people adds (`people`). The description repeats the owner's so that composition has one.
 */
@CacheControl({ maxAge: CACHE_MAX_AGE.directory })
@Directive('@key(fields: "id")')
@ObjectType('Organization', { description: ENTITY_DESCRIPTIONS.Organization.type })
export class OrganizationRef {
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.Organization.id })
  id: string;
}
