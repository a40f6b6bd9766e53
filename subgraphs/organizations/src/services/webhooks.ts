import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type AuthSubject,
  ConflictError,
  ConnectionArgs,
  defineLoader,
  definePageLoader,
  findOrNotFound,
  hubMode,
  type Identity,
  isUuid,
  optionalText,
  paginateByParent,
  parseMoney,
  query,
  UserInputError,
  WEBHOOK_CHANNEL,
  WEBHOOK_FILTER_FIELDS,
  webhookFilterTopics,
  webhookUrl,
} from '@ngo-hub/kit';
import { randomBytes } from 'node:crypto';
import { Organization } from '../entities/organization';
import { Webhook } from '../entities/webhook';
import { WebhookDelivery } from '../entities/webhook-delivery';
import type { WebhookFilter } from '../entities/webhook-filter';
import { SectorActivityKind } from '../events/sector-activity.event';
import type { CreateWebhookInput, UpdateWebhookInput, WebhookDeliveriesArgs, WebhookFilterInput } from '../inputs/webhook.input';
import { WebhookDeliveryStatus } from '../vocabulary/webhook-delivery-status';
import { WebhookStatus } from '../vocabulary/webhook-status';
import { actorOf } from './api-keys';

/** Endpoints one organization may register: each is followed by the deliverer for every event. */
export const MAX_WEBHOOKS_PER_ORGANIZATION = 20;
/** How long a rotated-out secret still signs deliveries (a second signature), so receivers can switch without losing any. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 3_600_000;

/** A signing secret in the Standard Webhooks format: `whsec_` and 24 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

function checkTopics(topics: readonly SectorActivityKind[] | null | undefined): SectorActivityKind[] {
  const distinct = [...new Set(topics ?? [])];
  if (!distinct.length) throw new UserInputError(`topics must name at least one kind of event (${Object.values(SectorActivityKind).join(', ')})`, 'topics');
  return distinct;
}

/** The filter as stored: trimmed, ids checked, amounts exact; a topic-specific field needs its topic. */
export function webhookFilter(input: WebhookFilterInput | null | undefined, topics: readonly SectorActivityKind[]): WebhookFilter {
  const filter: WebhookFilter = {};
  if (!input) return filter;
  const city = optionalText(input.city, 'filter.city', 100);
  if (city) filter.city = city;
  if (input.cause) filter.cause = input.cause;
  for (const key of ['funder', 'recipient', 'course'] as const) {
    const id = input[key]?.trim();
    if (!id) continue;
    if (!isUuid(id)) throw new UserInputError(`filter.${key}: "${id}" is not an id (a UUID)`, `filter.${key}`);
    filter[key] = id.toLowerCase();
  }
  const skill = optionalText(input.skill, 'filter.skill', 100);
  if (skill) filter.skill = skill;
  if (input.minAmount) filter.minAmount = parseMoney(input.minAmount, 'filter.minAmount', { allowZero: true });
  // the kit's topic contracts say which topics a field applies to (the gateway matches with the same)
  for (const key of WEBHOOK_FILTER_FIELDS) {
    const applies = webhookFilterTopics(key);
    if (filter[key] != null && !applies.some((topic) => topics.includes(topic as SectorActivityKind))) {
      const topic = applies.join(' or ');
      throw new UserInputError(`filter.${key} applies to ${topic} events only: add ${topic} to topics or leave it out`, `filter.${key}`);
    }
  }
  return filter;
}

/** Wakes the gateway's deliverer when the transaction commits (NOTIFY is transactional; sent outside it, it could arrive before the change is visible). */
function notifyDeliverer(em: EntityManager, webhookId: string): Promise<unknown> {
  return query(em, 'select pg_notify(?, ?)', [WEBHOOK_CHANNEL, webhookId]);
}

/** Registers an endpoint; the secret is returned here and never shown again (rotateWebhookSecret makes a new one). */
export async function createWebhook(em: EntityManager, input: CreateWebhookInput, identity: Identity): Promise<{ webhook: Webhook; secret: string }> {
  const url = webhookUrl(input.url ?? '', hubMode());
  const topics = checkTopics(input.topics);
  const filter = webhookFilter(input.filter, topics);
  const description = optionalText(input.description, 'description', 300) ?? null;
  return em.transactional(async (tx) => {
    const organization = await findOrNotFound(tx, Organization, input.organizationId, 'organizationId');
    const count = await tx.count(Webhook, { organization });
    if (count >= MAX_WEBHOOKS_PER_ORGANIZATION) {
      throw new ConflictError(`an organization may register at most ${MAX_WEBHOOKS_PER_ORGANIZATION} webhooks; delete one first (deleteWebhook)`);
    }
    const secret = newWebhookSecret();
    const webhook = tx.create(Webhook, { organization, url, topics, filter, description, secret, createdBy: actorOf(identity) });
    await tx.flush();
    await notifyDeliverer(tx, webhook.id);
    return { webhook, secret };
  });
}

export async function webhookById(em: EntityManager, id: string, field = 'id'): Promise<Webhook> {
  const webhook = await findOrNotFound(em, Webhook, id, field);
  return webhook;
}

/** For `@Auth` rules: the organization a webhook belongs to; NOT_FOUND before any rights are weighed. */
export async function organizationOfWebhook(em: EntityManager, id: string, field = 'id'): Promise<AuthSubject> {
  return { organizationIds: [(await webhookById(em, id, field)).organization.id] };
}

export async function deliveryById(em: EntityManager, id: string, field = 'deliveryId'): Promise<WebhookDelivery> {
  const delivery = await findOrNotFound(em, WebhookDelivery, id, field, { populate: ['webhook'] });
  return delivery;
}

export async function organizationOfDelivery(em: EntityManager, id: string): Promise<AuthSubject> {
  return { organizationIds: [(await deliveryById(em, id)).webhook.organization.id] };
}

/** Changes a webhook; enabling it again also clears FAILING, and delivery resumes after the last event taken. */
export async function updateWebhook(em: EntityManager, id: string, input: UpdateWebhookInput): Promise<Webhook> {
  return em.transactional(async (tx) => {
    const webhook = await webhookById(tx, id);
    if (input.url != null) webhook.url = webhookUrl(input.url, hubMode());
    if (input.topics != null) webhook.topics = checkTopics(input.topics);
    if (input.filter !== undefined || input.topics != null)
      webhook.filter = webhookFilter(input.filter === undefined ? (webhook.filter as WebhookFilterInput) : input.filter, webhook.topics);
    if (input.description !== undefined && input.description !== null) webhook.description = optionalText(input.description, 'description', 300) ?? null;
    if (input.enabled != null) {
      webhook.enabled = input.enabled;
      if (input.enabled) {
        webhook.status = WebhookStatus.ACTIVE;
        webhook.statusReason = null;
      }
    }
    await tx.flush();
    await notifyDeliverer(tx, webhook.id);
    return webhook;
  });
}

/** Deletes a webhook with its delivery log; nothing more is sent to it. */
export async function deleteWebhook(em: EntityManager, id: string): Promise<string> {
  return em.transactional(async (tx) => {
    const webhook = await webhookById(tx, id);
    await tx.nativeDelete(WebhookDelivery, { webhook });
    await tx.nativeDelete(Webhook, { id: webhook.id });
    return webhook.id;
  });
}

/** A new secret; the old one still signs (a second signature) for PREVIOUS_SECRET_GRACE_MS. */
export async function rotateWebhookSecret(em: EntityManager, id: string): Promise<{ webhook: Webhook; secret: string }> {
  return em.transactional(async (tx) => {
    const webhook = await webhookById(tx, id);
    const secret = newWebhookSecret();
    webhook.previousSecret = webhook.secret;
    webhook.previousSecretUntil = new Date(Date.now() + PREVIOUS_SECRET_GRACE_MS);
    webhook.secret = secret;
    await tx.flush();
    return { webhook, secret };
  });
}

/**
 * Sends a delivered (or failed) event again, now, with the same body and webhook-id: a new
 * delivery marked `redelivery`, outside the order of events. Also while the webhook is FAILING.
 */
export async function redeliverWebhookEvent(em: EntityManager, deliveryId: string): Promise<WebhookDelivery> {
  return em.transactional(async (tx) => {
    const original = await deliveryById(tx, deliveryId);
    if (original.status === WebhookDeliveryStatus.PENDING) {
      throw new ConflictError(
        `delivery ${original.id} is still PENDING (next attempt at ${original.nextAttemptAt?.toISOString() ?? 'once it is due'}); redeliver it once it has SUCCEEDED or FAILED`,
      );
    }
    const delivery = tx.create(WebhookDelivery, {
      webhook: original.webhook,
      eventId: original.eventId,
      topic: original.topic,
      body: original.body,
      redelivery: true,
      nextAttemptAt: new Date(),
    });
    await tx.flush();
    await notifyDeliverer(tx, original.webhook.id);
    return delivery;
  });
}

/** `Organization.webhooks` for many organizations, oldest first, in one statement. */
export const webhooksOfOrganization = defineLoader<string, Webhook[]>('webhooksOfOrganization', async (ids, ctx) => {
  const rows = await ctx.em.find(Webhook, { organization: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  return ids.map((id) => rows.filter((row) => row.organization.id === id));
});

/** `Webhook.deliveries` for many webhooks, newest first: two queries whatever their number. */
export const deliveriesOfWebhook = definePageLoader<WebhookDelivery, WebhookDeliveriesArgs>('deliveriesOfWebhook', (webhookIds, args, ctx) =>
  paginateByParent(ctx.em, WebhookDelivery, 'webhook', webhookIds, args.status ? { status: args.status } : {}, args as ConnectionArgs, {
    by: 'createdAt',
    direction: 'desc',
  }),
);
