import { metrics } from '@ngo-hub/kit/common';
import { Counter, Gauge } from 'prom-client';

export const webhookAttempts = new Counter({
  name: 'ngohub_webhook_attempts_total',
  help: 'Webhook delivery attempts this instance made, by outcome (succeeded, retrying, failed: the schedule exhausted).',
  labelNames: ['outcome'],
  registers: [metrics],
});

export const webhookDeliverer = new Gauge({
  name: 'ngohub_webhook_deliverer',
  help: '1 while this gateway instance is the one delivering webhooks.',
  registers: [metrics],
});
