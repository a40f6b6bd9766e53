import { registerEnumType } from 'type-graphql';

/** Where one delivery of an event to a webhook's endpoint stands. */
export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: "Where one delivery of an event to a webhook's endpoint stands.",
  valuesConfig: {
    PENDING: { description: 'Not delivered yet: the next attempt is at `nextAttemptAt`.' },
    SUCCEEDED: { description: 'The endpoint answered with a 2xx status.' },
    FAILED: { description: 'Every attempt of the retry schedule failed; redeliverWebhookEvent sends it again.' },
  },
});
