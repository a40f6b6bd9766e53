import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The organizations subgraph's `Organization`, as this subgraph sees it: its key plus the fields
 * training adds (`coursesOffered`). The description repeats the owner's so that composition has one.
 */
@Directive('@key(fields: "id")')
@ObjectType('Organization', { description: 'An actor of the NGO sector: NGO, foundation, incubator, government buyer, university, ...' })
export class OrganizationRef {
  @Field(() => ID, { description: 'Stable identifier of the organization.' })
  id: string;
}

export function organizationRef(id: string): OrganizationRef {
  return Object.assign(new OrganizationRef(), { id });
}
