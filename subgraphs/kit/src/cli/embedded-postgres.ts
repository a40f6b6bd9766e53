import { createLogger } from '../logger';
import { startEmbeddedPostgres } from '../embedded-postgres';

/**
 * `node embedded-postgres.js DATA_DIR PORT`: runs an embedded PostgreSQL in the foreground,
 * prints `ready <server URL>` once it accepts connections, and stops it on SIGTERM or SIGINT.
 * For tools and tests that want a database they can stop and start again.
 */
async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  if (!dataDir || !port || !/^\d+$/.test(port)) {
    process.stderr.write('usage: embedded-postgres.js DATA_DIR PORT\n');
    process.exit(2);
  }
  const server = await startEmbeddedPostgres({ dataDir, port: Number(port), log: createLogger('postgres', process.env.LOG_LEVEL ?? 'warn') });
  process.stdout.write(`ready ${server.serverUrl}\n`);
  const stop = () =>
    void server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
