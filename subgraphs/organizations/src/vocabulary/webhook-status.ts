import { registerEnumType } from 'type-graphql';

/** Whether the hub is delivering to a webhook's endpoint. */
export enum WebhookStatus {
  ACTIVE = 'ACTIVE',
  FAILING = 'FAILING',
}

registerEnumType(WebhookStatus, {
  name: 'WebhookStatus',
  description: "Whether the hub is delivering to a webhook's endpoint.",
  valuesConfig: {
    ACTIVE: { description: 'Events are delivered as they happen (while the webhook is enabled).' },
    FAILING: {
      description:
        'A delivery failed through its whole retry schedule; delivery is paused until an admin enables the webhook again (updateWebhook with enabled: true). Events after it wait, none is lost.',
    },
  },
});
