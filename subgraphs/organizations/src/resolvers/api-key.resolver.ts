import { Auth, AuthRule, type HubContext } from '@ngo-hub/kit';
import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import { ApiKey } from '../entities/api-key';
import { CreateApiKeyInput } from '../inputs/api-key.input';
import { apiKeyById, createApiKey, revokeApiKey } from '../services/api-keys';

@ObjectType({ description: 'A new API key, with the key itself: store it now, it is never shown again.' })
export class CreateApiKeyPayload {
  @Field(() => ApiKey, { description: 'The key as saved (without the key).' })
  apiKey: ApiKey;

  @Field({ description: 'The key to send in the x-api-key header (or Authorization: ApiKey <key>). Shown only here.' })
  key: string;
}

@ObjectType({ description: 'The result of revoking an API key.' })
export class ApiKeyPayload {
  @Field(() => ApiKey, { description: 'The key as saved.' })
  apiKey: ApiKey;
}

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Mutation(() => CreateApiKeyPayload, {
    description: 'Creates an API key for an organization; its admins or a hub admin only. The key is in the payload, once.',
  })
  @Auth(AuthRule.ORGANIZATION_ADMIN, (_source, args: { input: CreateApiKeyInput }) => ({ organizationIds: [args.input.organizationId] }))
  createApiKey(
    @Arg('input', () => CreateApiKeyInput, { description: 'The key to create.' }) input: CreateApiKeyInput,
    @Ctx() ctx: HubContext,
  ): Promise<CreateApiKeyPayload> {
    return createApiKey(ctx.em, input, ctx.identity);
  }

  @Mutation(() => ApiKeyPayload, { description: 'Revokes an API key: the hub refuses it within seconds. CONFLICT when it was already revoked.' })
  @Auth(AuthRule.ORGANIZATION_ADMIN, async (_source, args: { id: string }, ctx: HubContext) => ({
    organizationIds: [(await apiKeyById(ctx.em, args.id)).organization.id],
  }))
  async revokeApiKey(@Arg('id', () => ID, { description: 'The key to revoke.' }) id: string, @Ctx() ctx: HubContext): Promise<ApiKeyPayload> {
    return { apiKey: await revokeApiKey(ctx.em, id) };
  }
}
