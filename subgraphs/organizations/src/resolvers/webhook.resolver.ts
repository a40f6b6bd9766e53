import { Auth, AuthRule, type HubContext } from '@ngo-hub/kit';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Organization } from '../entities/organization';
import { Webhook } from '../entities/webhook';
import { WebhookDelivery } from '../entities/webhook-delivery';
import { CreateWebhookInput, UpdateWebhookInput, WebhookDeliveriesArgs } from '../inputs/webhook.input';
import {
  createWebhook,
  deleteWebhook,
  deliveriesOfWebhook,
  organizationOfDelivery,
  organizationOfWebhook,
  redeliverWebhookEvent,
  rotateWebhookSecret,
  updateWebhook,
  webhookById,
  webhooksOfOrganization,
} from '../services/webhooks';
import { organizationById } from '../services/organizations';
import { WebhookDeliveryConnection } from './webhook-delivery-connection';

@ObjectType({ description: 'A webhook with its signing secret: store the secret now, it is never shown again.' })
export class WebhookSecretPayload {
  @Field(() => Webhook, { description: 'The webhook as saved.' })
  webhook: Webhook;

  @Field({ description: "The signing secret (whsec_…): verify each delivery's webhook-signature with it (Standard Webhooks). Shown only here." })
  secret: string;
}

@ObjectType({ description: 'The result of changing a webhook.' })
export class WebhookPayload {
  @Field(() => Webhook, { description: 'The webhook as saved.' })
  webhook: Webhook;
}

@ObjectType({ description: 'The result of deleting a webhook.' })
export class DeleteWebhookPayload {
  @Field(() => ID, { description: 'The id of the webhook deleted.' })
  id: string;
}

@ObjectType({ description: 'The result of asking for a redelivery.' })
export class WebhookDeliveryPayload {
  @Field(() => WebhookDelivery, { description: 'The new delivery, due now.' })
  delivery: WebhookDelivery;
}

const ofInput = (_source: unknown, args: { input: CreateWebhookInput }) => ({ organizationIds: [args.input.organizationId] });
const ofWebhook = (_source: unknown, args: { id: string }, ctx: HubContext) => organizationOfWebhook(ctx.em, args.id);

@Resolver(() => Webhook)
export class WebhookResolver {
  @Query(() => Webhook, { description: "A webhook by id; for its organization's admins and hub admins." })
  @Auth(AuthRule.ORGANIZATION_ADMIN, ofWebhook)
  webhook(@Arg('id', () => ID, { description: 'The webhook.' }) id: string, @Ctx() ctx: HubContext): Promise<Webhook> {
    return webhookById(ctx.em, id);
  }

  @Mutation(() => WebhookSecretPayload, {
    description:
      "Registers an endpoint that receives the hub's events of the given kinds as signed POSTs; the organization's admins or a hub admin only. The signing secret is in the payload, once.",
  })
  @Auth(AuthRule.ORGANIZATION_ADMIN, ofInput)
  createWebhook(
    @Arg('input', () => CreateWebhookInput, { description: 'The endpoint to register.' }) input: CreateWebhookInput,
    @Ctx() ctx: HubContext,
  ): Promise<WebhookSecretPayload> {
    return createWebhook(ctx.em, input, ctx.identity);
  }

  @Mutation(() => WebhookPayload, { description: 'Changes a webhook: its URL, topics, filter, description, or whether it is enabled.' })
  @Auth(AuthRule.ORGANIZATION_ADMIN, ofWebhook)
  async updateWebhook(
    @Arg('id', () => ID, { description: 'The webhook to change.' }) id: string,
    @Arg('input', () => UpdateWebhookInput, { description: 'What to change.' }) input: UpdateWebhookInput,
    @Ctx() ctx: HubContext,
  ): Promise<WebhookPayload> {
    return { webhook: await updateWebhook(ctx.em, id, input) };
  }

  @Mutation(() => DeleteWebhookPayload, { description: 'Deletes a webhook and its delivery log; nothing more is sent to it.' })
  @Auth(AuthRule.ORGANIZATION_ADMIN, ofWebhook)
  async deleteWebhook(@Arg('id', () => ID, { description: 'The webhook to delete.' }) id: string, @Ctx() ctx: HubContext): Promise<DeleteWebhookPayload> {
    return { id: await deleteWebhook(ctx.em, id) };
  }

  @Mutation(() => WebhookSecretPayload, {
    description:
      'Gives a webhook a new signing secret (in the payload, once); deliveries carry a signature with the old one too for 24 hours, so the receiver can switch without losing any.',
  })
  @Auth(AuthRule.ORGANIZATION_ADMIN, ofWebhook)
  rotateWebhookSecret(@Arg('id', () => ID, { description: 'The webhook.' }) id: string, @Ctx() ctx: HubContext): Promise<WebhookSecretPayload> {
    return rotateWebhookSecret(ctx.em, id);
  }

  @Mutation(() => WebhookDeliveryPayload, {
    description:
      'Sends a delivered or failed event again, now, with the same body and webhook-id (outside the order of events). CONFLICT while it is still PENDING.',
  })
  @Auth(AuthRule.ORGANIZATION_ADMIN, (_source, args: { deliveryId: string }, ctx: HubContext) => organizationOfDelivery(ctx.em, args.deliveryId))
  async redeliverWebhookEvent(
    @Arg('deliveryId', () => ID, { description: 'A delivery from Webhook.deliveries.' }) deliveryId: string,
    @Ctx() ctx: HubContext,
  ): Promise<WebhookDeliveryPayload> {
    return { delivery: await redeliverWebhookEvent(ctx.em, deliveryId) };
  }

  @FieldResolver(() => Organization, { description: 'The organization that registered it; events are sent only when it may read them.' })
  async organization(@Root() webhook: Webhook, @Ctx() ctx: HubContext): Promise<Organization> {
    // the foreign key keeps it: a webhook's organization always exists
    return (await ctx.loaders.load(organizationById, webhook.organization.id))!;
  }

  @FieldResolver(() => WebhookDeliveryConnection, {
    description: "Recent deliveries to the endpoint, newest first: status, attempts, the endpoint's last answer, the next attempt.",
  })
  @Auth(AuthRule.ORGANIZATION_ADMIN, (webhook: Webhook) => ({ organizationIds: [webhook.organization.id] }))
  deliveries(@Root() webhook: Webhook, @Args(() => WebhookDeliveriesArgs) args: WebhookDeliveriesArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(deliveriesOfWebhook, { parentId: webhook.id, args });
  }
}

@Resolver(() => Organization)
export class OrganizationWebhooksResolver {
  @FieldResolver(() => [Webhook], {
    nullable: true,
    description: "Endpoints that receive the hub's events for this organization (Standard Webhooks), oldest first; for its admins and hub admins.",
  })
  @Auth(AuthRule.ORGANIZATION_ADMIN, (organization: Organization) => ({ organizationIds: [organization.id] }))
  webhooks(@Root() organization: Organization, @Ctx() ctx: HubContext): Promise<Webhook[]> {
    return ctx.loaders.load(webhooksOfOrganization, organization.id);
  }
}
