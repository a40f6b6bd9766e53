import '@ngo-hub/kit/compile-cache';
import { ConfigError, createLogger, environmentWithRunningHub, loadSubgraphConfig, migrateSubgraph, openSubgraphOrm, UserInputError } from '@ngo-hub/kit';
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { GrantStatus } from '../entities/grant';
import { fundingSubgraph } from '../index';
import type { GrantFilter } from '../inputs/grant.input';
import { grantWhere, orgIdMatches } from '../services/grants';
import { OrganizationDirectory } from '../services/organization-directory';
import { writeCsv, writePackage } from './exporter';

const USAGE = `usage: npm run export:360giving -- FILE [--format json|csv] [--funder ID] [--recipient ID] [--funder-org-id ORG-ID] [--recipient-org-id ORG-ID] [--programme ID] [--year YYYY] [--status STATUS]

Writes the hub's grants (all, or those matching the options) to FILE ("-" for standard output):
a 360Giving JSON package, or, for a FILE ending in .csv (or --format csv), the standard's
spreadsheet layout as CSV (column titles such as Identifier, Amount Awarded, Recipient
Org:Identifier). Organization names come from the organizations subgraph. Like the import, it
finds the hub started with \`npm start\` by itself; a deployment sets DATABASE_URL,
ORGANIZATIONS_URL and GATEWAY_SECRET.`;

function parseArgs(argv: string[]): { file: string; filter: GrantFilter; format: 'json' | 'csv' } {
  const filter: GrantFilter = {};
  let format: string | undefined;
  let file: string | undefined;
  const options: Record<string, (value: string) => void> = {
    '--funder': (v) => (filter.funderId = v),
    '--recipient': (v) => (filter.recipientId = v),
    '--funder-org-id': (v) => (filter.funderOrgId = v),
    '--recipient-org-id': (v) => (filter.recipientOrgId = v),
    '--programme': (v) => (filter.programmeId = v),
    '--year': (v) => (filter.year = Number(v)),
    '--format': (v) => (format = v),
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
  format ??= file.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
  if (format !== 'json' && format !== 'csv') throw new ConfigError('--format must be json or csv');
  return { file: file === '-' ? '-' : resolve(process.env.INIT_CWD ?? process.cwd(), file), filter, format: format as 'json' | 'csv' };
}

async function main(): Promise<void> {
  const { file, filter, format } = parseArgs(process.argv.slice(2));
  const { env } = environmentWithRunningHub(process.env);
  if (!env.GATEWAY_SECRET) {
    throw new ConfigError(
      "no running hub found: start it with `npm start`, or, for a deployment, set DATABASE_URL, ORGANIZATIONS_URL and GATEWAY_SECRET as the hub's processes have them",
    );
  }
  const config = loadSubgraphConfig('funding', env);
  const log = createLogger('funding-export', process.env.LOG_LEVEL ?? 'warn');
  const directory = OrganizationDirectory.forTool(config.urls.organizations, config.gatewaySecret, '360giving-export');
  await directory.assertReachable();
  let where;
  try {
    where = grantWhere(filter, await orgIdMatches(directory, filter));
  } catch (error) {
    if (error instanceof UserInputError) throw new ConfigError(`${error.message}\n${USAGE}`);
    throw error;
  }
  await migrateSubgraph(fundingSubgraph, config.databaseUrl, log);
  const orm = await openSubgraphOrm(fundingSubgraph, config.databaseUrl);
  try {
    const stream = file === '-' ? undefined : createWriteStream(file);
    const written = await (format === 'csv' ? writeCsv : writePackage)(orm.em.fork(), directory, where, stream ?? process.stdout);
    if (stream) {
      await new Promise<void>((done, fail) => {
        stream.once('error', fail);
        stream.end(done);
      });
    }
    process.stderr.write(`wrote ${written} grants as 360Giving ${format.toUpperCase()}${file === '-' ? '' : ` to ${file}`}\n`);
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
