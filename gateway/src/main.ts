import '@ngo-hub/kit/compile-cache';
import { ConfigError, createLogger, stopOnSignals } from '@ngo-hub/kit/common';
import { loadGatewayConfig } from './config';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const log = createLogger('gateway', config.logLevel);
  // the server's modules load once the configuration holds: a bad value stops the process first
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startGateway } = require('./gateway') as typeof import('./gateway');
  const gateway = await startGateway(config, log);
  stopOnSignals(log, () => gateway.stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway: ${error instanceof ConfigError ? error.message : (error as Error).stack}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
