import { callerIdentity, TOPIC_CONTRACTS, webhookFilterRules, type Identity } from '@ngo-hub/kit/common';
import { GraphQLError, Kind, parse, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { HubEventRow } from '../subscriptions/event-log';
import { matchesFilter } from '../subscriptions/event-filter';
import { eventResolver, resolveEvent, type QueryExecutor } from '../subscriptions/event-payload';
import { liveEvent } from '../subscriptions/event-stream';
import { planSubscription } from '../subscriptions/subscription-plan';

/**
 * What every delivery carries: the `sectorActivity` event (the subscription that covers every
 * topic) with the public fields of the entity it is about, resolved through the federated graph
 * as the registering organization. A receiver that wants more reads it by id with its API key.
 */
export const WEBHOOK_SELECTION = /* GraphQL */ `
  subscription NgoHubWebhook {
    sectorActivity {
      eventId
      kind
      occurredAt
      summary
      city
      causes
      organization {
        id
        name
        nameZh
        kind
        city
      }
      grant {
        id
        identifier
        title
        amountAwarded {
          amount
          currency
        }
        awardDate
        funder {
          id
          name
        }
        recipient {
          id
          name
        }
      }
      jobPosting {
        id
        title
        kind
        city
        closesOn
        organization {
          id
          name
        }
      }
      enrollment {
        id
        status
        appliedAt
        course {
          id
          title
        }
      }
    }
  }
`;

const DOCUMENT: DocumentNode = parse(WEBHOOK_SELECTION);
const OPERATION = DOCUMENT.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;

/** A webhook's topics and filter as stored by the organizations subgraph (WebhookFilter). */
export interface WebhookSubscription {
  organizationId: string;
  topics: readonly string[];
  filter: {
    city?: string | null;
    cause?: string | null;
    funder?: string | null;
    recipient?: string | null;
    minAmount?: { amount: string; currency: string } | null;
    skill?: string | null;
    course?: string | null;
  };
}

/** Whether an event is of the webhook's topics and passes its filter (before any payload is fetched). */
export function webhookWants(webhook: WebhookSubscription, event: Pick<HubEventRow, 'topic' | 'payload'>): boolean {
  if (!webhook.topics.includes(event.topic) || !Object.hasOwn(TOPIC_CONTRACTS, event.topic)) return false;
  // matched with the rules of the contracts the subscriptions match with (kit events/hub-topics.ts)
  return matchesFilter(webhookFilterRules(event.topic), webhook.filter, event.topic, event.payload.match);
}

/** Who a webhook reads as: its organization, as one of its editors' API keys would (never more). */
export function organizationIdentity(organizationId: string): Identity {
  return callerIdentity({ memberships: [{ organizationId, role: 'EDITOR' }] });
}

export class PayloadUnavailable extends Error {}

/**
 * The body of the delivery of `event` to a webhook of `organizationId` (Standard Webhooks'
 * `{ type, timestamp, data }`), or undefined when the organization may not read what the event
 * is about. Throws PayloadUnavailable when the graph could not answer (a subgraph down): the
 * event is then tried again later, never skipped.
 */
export async function webhookBody(schema: GraphQLSchema, event: HubEventRow, runQuery: QueryExecutor, callerKey: string): Promise<string | undefined> {
  const plan = planSubscription(schema, DOCUMENT, OPERATION, {});
  const resolver = eventResolver({ schema, document: DOCUMENT, plan, runQuery, callerKey });
  const delivery = await resolveEvent(resolver, liveEvent(event));
  if (delivery.hidden) return undefined;
  const errors = delivery.result?.errors ?? [];
  const data = (delivery.result?.data as { sectorActivity?: unknown } | null | undefined)?.sectorActivity;
  if (errors.length || !data) {
    const first = errors[0] as GraphQLError | undefined;
    throw new PayloadUnavailable(`the event's payload could not be resolved: ${first?.message ?? 'no data'}`);
  }
  return JSON.stringify({ type: event.topic, timestamp: event.occurredAt.toISOString(), data });
}
