import { ConfigError, createLogger, stopOnSignals } from '@ngo-hub/kit';
import { loadGatewayConfig } from './config';
import { startGateway } from './gateway';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const log = createLogger('gateway', config.logLevel);
  const gateway = await startGateway(config, log);
  stopOnSignals(log, () => gateway.stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway: ${error instanceof ConfigError ? error.message : (error as Error).stack}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
