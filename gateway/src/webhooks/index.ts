import type { Identity, Logger } from '@ngo-hub/kit/common';
import type { GraphQLSchema } from 'graphql';
import { Pool } from 'pg';
import type { QueryExecutor } from '../subscriptions/event-payload';
import { WebhookDeliverer } from './webhook-deliverer';
import type { WebhooksConfig } from './webhooks-config';

export * from './webhooks-config';

/** The gateway's webhook deliverer on a pool of its own (its attempts wait on endpoints, not on the event log's connections). */
export async function startWebhooks(
  options: {
    databaseUrl: string;
    config: WebhooksConfig;
    pollMs: number;
    schema: () => GraphQLSchema | undefined;
    runAs: (identity: Identity) => QueryExecutor;
  },
  log: Logger,
): Promise<{ deliverer: WebhookDeliverer; stop(): Promise<void> }> {
  const pool = new Pool({ connectionString: options.databaseUrl, max: 5, application_name: 'ngo-hub-gateway-webhooks' });
  pool.on('error', (error) => log.warn({ err: error }, 'webhook database connection error'));
  const deliverer = new WebhookDeliverer({ pool, log, config: options.config, pollMs: options.pollMs, schema: options.schema, runAs: options.runAs });
  await deliverer.start();
  return {
    deliverer,
    async stop() {
      await deliverer.stop();
      await pool.end();
    },
  };
}
