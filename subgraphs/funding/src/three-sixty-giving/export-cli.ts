import { ConfigError, createLogger, loadSubgraphConfig, migrateSubgraph, openSubgraphOrm, UserInputError } from '@ngo-hub/kit';
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { GrantStatus } from '../entities/grant';
import { fundingSubgraph } from '../index';
import type { GrantFilter } from '../inputs/grant.input';
import { grantWhere } from '../services/grants';
import { OrganizationDirectory } from '../services/organization-directory';
import { writePackage } from './exporter';

const USAGE = `usage: npm run export:360giving -- FILE [--funder ID] [--recipient ID] [--programme ID] [--year YYYY] [--status STATUS]

Writes the funding subgraph's grants (all, or those matching the options) as one 360Giving JSON
package to FILE ("-" for standard output). Organization names come from the organizations
subgraph at ORGANIZATIONS_URL.`;

function parseArgs(argv: string[]): { file: string; filter: GrantFilter } {
  const filter: GrantFilter = {};
  let file: string | undefined;
  const options: Record<string, (value: string) => void> = {
    '--funder': (v) => (filter.funderId = v),
    '--recipient': (v) => (filter.recipientId = v),
    '--programme': (v) => (filter.programmeId = v),
    '--year': (v) => (filter.year = Number(v)),
    '--status': (v) => {
      if (!(v in GrantStatus)) throw new ConfigError(`--status must be one of ${Object.keys(GrantStatus).join(', ')}`);
      filter.status = v as GrantStatus;
    },
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (options[arg]) options[arg](argv[++i] ?? '');
    else if (arg === '--help' || arg === '-h') throw new ConfigError(USAGE);
    else if ((!arg.startsWith('--') || arg === '-') && file === undefined) file = arg;
    else throw new ConfigError(`unexpected argument ${JSON.stringify(arg)}\n${USAGE}`);
  }
  if (!file) throw new ConfigError(USAGE);
  return { file: file === '-' ? '-' : resolve(process.env.INIT_CWD ?? process.cwd(), file), filter };
}

async function main(): Promise<void> {
  const { file, filter } = parseArgs(process.argv.slice(2));
  let where;
  try {
    where = grantWhere(filter);
  } catch (error) {
    if (error instanceof UserInputError) throw new ConfigError(`${error.message}\n${USAGE}`);
    throw error;
  }
  const config = loadSubgraphConfig('funding');
  const log = createLogger('funding-export', process.env.LOG_LEVEL ?? 'warn');
  const directory = OrganizationDirectory.forTool(config.urls.organizations, config.gatewaySecret, '360giving-export');
  await directory.assertReachable();
  await migrateSubgraph(fundingSubgraph, config.databaseUrl, log);
  const orm = await openSubgraphOrm(fundingSubgraph, config.databaseUrl);
  try {
    const stream = file === '-' ? undefined : createWriteStream(file);
    const written = await writePackage(orm.em.fork(), directory, where, stream ?? process.stdout);
    if (stream) {
      await new Promise<void>((done, fail) => {
        stream.once('error', fail);
        stream.end(done);
      });
    }
    process.stderr.write(`wrote ${written} grants as 360Giving JSON${file === '-' ? '' : ` to ${file}`}\n`);
  } finally {
    await orm.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`360Giving export failed: ${(error as Error).message}\n`);
  process.exit(1);
});
