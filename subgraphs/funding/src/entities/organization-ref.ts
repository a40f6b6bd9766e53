import { ENTITY_DESCRIPTIONS, CacheControl, CACHE_MAX_AGE } from '@ngo-hub/kit/model';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The organizations subgraph's `Organization`, as funding knows it: only its key. Funding adds
 * the grants made and received to it; everything else is resolved by the organizations subgraph.
 * The description is the owner's word for word: composition warns about differing ones and
 * would otherwise show funding's in the supergraph.
 */
@CacheControl({ maxAge: CACHE_MAX_AGE.directory })
@Directive('@key(fields: "id")')
@ObjectType('Organization', { description: ENTITY_DESCRIPTIONS.Organization.type })
export class OrganizationRef {
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.Organization.id })
  id: string;
}

export function organizationRef(id: string): OrganizationRef {
  return Object.assign(new OrganizationRef(), { id });
}
