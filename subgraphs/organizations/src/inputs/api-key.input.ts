import { Field, ID, InputType } from 'type-graphql';
import { OrganizationRole } from '../vocabulary/organization-role';

@InputType({ description: 'A new API key for an organization.' })
export class CreateApiKeyInput {
  @Field(() => ID, { description: 'The organization the key acts for.' })
  organizationId: string;

  @Field({ description: 'What the key is for (1 to 100 characters), e.g. "grants dashboard".' })
  name: string;

  @Field(() => OrganizationRole, { defaultValue: OrganizationRole.EDITOR, description: 'What the key may do; default EDITOR.' })
  role: OrganizationRole;
}
