import { Auth, AuthRule, type HubContext } from '@ngo-hub/kit';
import { Arg, Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { activeApiKeyByHash } from '../services/api-keys';
import { membershipsOfPerson } from '../services/organization-members';
import { OrganizationRole } from '../vocabulary/organization-role';

@ObjectType({ description: 'Internal: what an API key grants, for the gateway.' })
export class ApiKeyCredential {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  organizationId: string;

  @Field(() => OrganizationRole)
  role: OrganizationRole;
}

@ObjectType({ description: 'Internal: one organization a person may write for, for the gateway.' })
export class MembershipGrant {
  @Field(() => ID)
  organizationId: string;

  @Field(() => OrganizationRole)
  role: OrganizationRole;
}

/**
 * What the gateway asks to turn a credential into an identity. Hidden from the composed API
 * (`@inaccessible`) and answered only to the hub's own services.
 */
@Resolver()
export class CredentialResolver {
  @Query(() => ApiKeyCredential, { nullable: true, description: 'Internal: a working API key by the SHA-256 of its plaintext.' })
  @Directive('@inaccessible')
  @Auth(AuthRule.SERVICE)
  async _apiKeyCredential(@Arg('hash') hash: string, @Ctx() ctx: HubContext): Promise<ApiKeyCredential | null> {
    const key = await activeApiKeyByHash(ctx.em, hash);
    return key && { id: key.id, organizationId: key.organization.id, role: key.role };
  }

  @Query(() => [MembershipGrant], { description: 'Internal: the organizations a person is a member of.' })
  @Directive('@inaccessible')
  @Auth(AuthRule.SERVICE)
  async _membershipsOf(@Arg('personId', () => ID) personId: string, @Ctx() ctx: HubContext): Promise<MembershipGrant[]> {
    return (await membershipsOfPerson(ctx.em, personId)).map((m) => ({ organizationId: m.organization.id, role: m.role }));
  }
}
