import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The organizations subgraph's `Organization`, as funding knows it: only its key. Funding adds
 * the grants made and received to it; everything else is resolved by the organizations subgraph.
 */
@Directive('@key(fields: "id")')
@ObjectType('Organization', { description: 'An actor of the NGO sector (owned by the organizations subgraph); funding adds its grants and totals.' })
export class OrganizationRef {
  @Field(() => ID, { description: 'The organization\'s id in the organizations subgraph.' })
  id: string;
}

export function organizationRef(id: string): OrganizationRef {
  return Object.assign(new OrganizationRef(), { id });
}
