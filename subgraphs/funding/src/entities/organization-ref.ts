import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The organizations subgraph's `Organization`, as funding knows it: only its key. Funding adds
 * the grants made and received to it; everything else is resolved by the organizations subgraph.
 * The description is the owner's word for word: composition warns about differing ones and
 * would otherwise show funding's in the supergraph.
 */
@Directive('@key(fields: "id")')
@ObjectType('Organization', { description: 'An actor of the NGO sector: NGO, foundation, incubator, government buyer, university, ...' })
export class OrganizationRef {
  @Field(() => ID, { description: 'Stable id of the organization.' })
  id: string;
}

export function organizationRef(id: string): OrganizationRef {
  return Object.assign(new OrganizationRef(), { id });
}
