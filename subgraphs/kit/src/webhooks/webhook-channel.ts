/** The Postgres channel that wakes the gateway's webhook deliverer (a webhook created, enabled, or a redelivery asked for). */
export const WEBHOOK_CHANNEL = 'ngo_hub_webhooks';
