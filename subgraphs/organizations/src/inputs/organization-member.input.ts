import { Field, ID, InputType } from 'type-graphql';
import { OrganizationRole } from '../vocabulary/organization-role';

@InputType({ description: "A person to add to an organization's members, or whose role to change." })
export class AddOrganizationMemberInput {
  @Field(() => ID, { description: 'The organization.' })
  organizationId: string;

  @Field(() => ID, { description: 'The person (people subgraph); must exist.' })
  personId: string;

  @Field(() => OrganizationRole, { description: 'What the member may do.' })
  role: OrganizationRole;
}

@InputType({ description: 'A member to remove from an organization.' })
export class RemoveOrganizationMemberInput {
  @Field(() => ID, { description: 'The organization.' })
  organizationId: string;

  @Field(() => ID, { description: 'The person to remove.' })
  personId: string;
}
