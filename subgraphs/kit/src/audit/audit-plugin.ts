import type { ApolloServerPlugin } from '@apollo/server';
import { Counter } from 'prom-client';
import type { HubContext } from '../context';
import { metrics } from '../metrics';

const auditEntries = new Counter({
  name: 'ngohub_audit_entries_total',
  help: 'Audit log entries written (accesses to personal data), by subgraph and outcome of the write',
  labelNames: ['subgraph', 'result'] as const,
  registers: [metrics],
});

/**
 * Writes each request's audit trail when its response is ready, before it is sent: whoever got
 * personal data from this subgraph is on record by the time they read it. A failed write is logged
 * and counted (`ngohub_audit_entries_total{result="failed"}`), and the response still goes out.
 */
export function auditPlugin(subgraph: string): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue }) {
          const pending = contextValue.audit.size;
          if (pending === 0) return;
          try {
            auditEntries.inc({ subgraph, result: 'written' }, await contextValue.audit.flush(contextValue.em));
          } catch (error) {
            auditEntries.inc({ subgraph, result: 'failed' }, pending);
            contextValue.log.error({ err: error, entries: pending }, 'audit entries could not be written');
          }
        },
      };
    },
  };
}
