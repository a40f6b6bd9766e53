import type { Logger } from 'pino';
import { flushTracing } from './tracing/flush';

/**
 * On SIGTERM or SIGINT: run `stop` once (stop accepting, let in-flight requests finish, close
 * pools), then exit 0 — or 1 when stopping failed or took longer than `timeoutMs`.
 */
export function stopOnSignals(log: Logger, stop: () => Promise<void>, timeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 15_000)): void {
  const shutdown = (signal: NodeJS.Signals) => {
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.error({ timeoutMs }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, timeoutMs).unref();
    stop()
      .then(flushTracing)
      .then(
        () => {
          log.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
