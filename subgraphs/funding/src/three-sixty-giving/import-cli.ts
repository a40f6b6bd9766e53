import '@ngo-hub/kit/compile-cache';
import { ConfigError, createLogger, environmentWithRunningHub, loadSubgraphConfig, migrateSubgraph, openSubgraphOrm } from '@ngo-hub/kit';
import { statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fundingSubgraph } from '../index';
import { OrganizationDirectory } from '../services/organization-directory';
import { DATE_ORDERS, type DateOrder } from './dates';
import { fileSource, formatOfFile, GRANT_FORMATS, type GrantFormat } from './grant-source';
import { import360Giving, type ImportProgress, type ImportReport } from './importer';

const USAGE = `usage: npm run import:360giving -- FILE [--format json|csv|xlsx] [--date-order dmy|mdy|ymd] [--report REPORT.json] [--batch-size N]

Imports a 360Giving file into the hub: a JSON package ({"grants": [...]}), or CSV or XLSX in the
standard's spreadsheet layout (column titles such as Identifier, Amount Awarded, Recipient
Org:Identifier). The format comes from the file's extension unless --format says.

Dates are read as published: 2017-11-21, 2017-11-21T00:00:00Z, 2017-11-21 09:30:00, 21/11/2017,
Excel dates. A file whose numeric dates could be day or month first (every day ≤ 12) needs
--date-order dmy (21/11/2017) or mdy (11/21/2017); its grants are refused until it is given.

It finds the hub started with \`npm start\` by itself (the hub leaves its database and secret in
.data/hub.json, or NGOHUB_DATA_DIR). For a deployment, set DATABASE_URL (or FUNDING_DATABASE_URL),
ORGANIZATIONS_URL and GATEWAY_SECRET as the hub's processes have them.

Importing the same file again changes nothing; a newer version of it updates the grants whose
content changed. The summary counts grants added, updated, unchanged and refused; --report
writes every refused grant (row, id, field, reason) as JSON.
Exit status: 0 all imported, 3 some grants refused (listed), 1 failed or the file unreadable
past some point (the grants before it are imported), 2 usage.`;

const SHOWN_REJECTIONS = 200;

interface Args {
  file: string;
  format: GrantFormat;
  dateOrder?: DateOrder;
  batchSize?: number;
  report?: string;
}

function parseArgs(argv: string[]): Args {
  let file: string | undefined;
  let batchSize: number | undefined;
  let report: string | undefined;
  let format: string | undefined;
  let dateOrder: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--batch-size') batchSize = Number(argv[++i]);
    else if (arg === '--report') report = argv[++i];
    else if (arg === '--format') format = argv[++i];
    else if (arg === '--date-order') dateOrder = argv[++i];
    else if (arg === '--help' || arg === '-h') throw new ConfigError(USAGE);
    else if (!arg.startsWith('--') && file === undefined) file = arg;
    else throw new ConfigError(`unexpected argument ${JSON.stringify(arg)}\n${USAGE}`);
  }
  if (!file) throw new ConfigError(USAGE);
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 20000)) {
    throw new ConfigError('--batch-size must be a whole number from 1 to 20000');
  }
  if (dateOrder !== undefined && !(DATE_ORDERS as readonly string[]).includes(dateOrder)) {
    throw new ConfigError(`--date-order must be one of ${DATE_ORDERS.join(', ')} (dmy: 21/11/2017, mdy: 11/21/2017)`);
  }
  if (format !== undefined && !(GRANT_FORMATS as readonly string[]).includes(format))
    throw new ConfigError(`--format must be one of ${GRANT_FORMATS.join(', ')}`);
  const resolvedFormat = (format as GrantFormat | undefined) ?? formatOfFile(file);
  if (!resolvedFormat) throw new ConfigError(`cannot tell the format of ${file} from its extension: name it .json, .csv or .xlsx, or give --format`);
  // npm runs scripts in the package folder; a relative path means the caller's folder
  const base = process.env.INIT_CWD ?? process.cwd();
  return {
    file: resolve(base, file),
    format: resolvedFormat,
    dateOrder: dateOrder as DateOrder | undefined,
    batchSize,
    report: report === undefined ? undefined : resolve(base, report),
  };
}

function progressLine(progress: ImportProgress, totalBytes: number, started: number): string {
  const seconds = (Date.now() - started) / 1000;
  const percent = totalBytes ? Math.min(100, Math.floor((progress.bytesRead / totalBytes) * 100)) : 0;
  const rate = seconds > 0 ? Math.round(progress.read / seconds) : 0;
  return `${percent}% · ${progress.read} read · ${progress.added} added · ${progress.updated} updated · ${progress.unchanged} unchanged · ${progress.refused} refused · ${rate} grants/s`;
}

function summary(path: string, report: ImportReport): string {
  const rate = report.seconds > 0 ? Math.round(report.read / report.seconds) : report.read;
  const lines = [
    `360Giving import of ${path} (${report.format.toUpperCase()})`,
    `  grants read        ${report.read}`,
    `  added              ${report.added}`,
    `  updated            ${report.updated}`,
    `  unchanged          ${report.unchanged}`,
    `  refused            ${report.refused}`,
    `  organizations      ${report.organizationsCreated} created, ${report.organizationsMatched} found by org-id`,
    `  programmes         ${report.programmesCreated} created`,
    ...(report.dateOrder ? [`  date order         ${report.dateOrder.order} (from ${report.dateOrder.from})`] : []),
    `  time               ${report.seconds.toFixed(1)} s (${rate} grants/s)`,
  ];
  if (report.fileError) lines.push(`  unreadable after grant ${report.read}: ${report.fileError}`);
  if (report.rejections.length) {
    lines.push('refused grants (row, id, field: reason):');
    for (const r of report.rejections.slice(0, SHOWN_REJECTIONS)) lines.push(`  ${r.row} ${r.id ?? '(no id)'} ${r.field}: ${r.message}`);
    if (report.rejections.length > SHOWN_REJECTIONS) lines.push(`  … and ${report.rejections.length - SHOWN_REJECTIONS} more (--report FILE writes them all)`);
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const { env } = environmentWithRunningHub(process.env);
  if (!env.GATEWAY_SECRET) {
    throw new ConfigError(
      "no running hub found: start it with `npm start` (it leaves what this tool needs in .data/hub.json), or, for a deployment, set DATABASE_URL, ORGANIZATIONS_URL and GATEWAY_SECRET as the hub's processes have them",
    );
  }
  const config = loadSubgraphConfig('funding', env);
  const log = createLogger('funding-import', env.LOG_LEVEL ?? 'warn');
  const totalBytes = statSync(args.file).size;
  const directory = OrganizationDirectory.forTool(config.urls.organizations, config.gatewaySecret, '360giving-import');
  await directory.assertReachable();
  await migrateSubgraph(fundingSubgraph, config.databaseUrl, log);
  const orm = await openSubgraphOrm(fundingSubgraph, config.databaseUrl);
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let lastShown = 0;
  try {
    const report = await import360Giving(orm.em.fork(), directory, fileSource(args.file, args.format), {
      batchSize: args.batchSize,
      dateOrder: args.dateOrder,
      onProgress(progress) {
        const now = Date.now();
        if (now - lastShown < (tty ? 250 : 5000)) return;
        lastShown = now;
        process.stderr.write(tty ? `\r${progressLine(progress, totalBytes, started)}` : `${progressLine(progress, totalBytes, started)}\n`);
      },
    });
    if (tty && lastShown) process.stderr.write('\n');
    process.stdout.write(summary(args.file, report));
    if (args.report) writeFileSync(args.report, `${JSON.stringify(report, null, 2)}\n`);
    if (report.fileError) {
      process.stderr.write(`the file is not a readable 360Giving ${report.format.toUpperCase()} file past grant ${report.read}: ${report.fileError}\n`);
      return 1;
    }
    return report.refused ? 3 : 0;
  } finally {
    await orm.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`360Giving import failed: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
