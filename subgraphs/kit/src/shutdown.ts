import type { Logger } from 'pino';

/** On SIGTERM or SIGINT: run `stop` once, then exit 0 (1 when stopping failed). */
export function stopOnSignals(log: Logger, stop: () => Promise<void>): void {
  const shutdown = (signal: NodeJS.Signals) => {
    log.info({ signal }, 'shutting down');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
