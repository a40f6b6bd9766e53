import { ConfigError, createLogger, loadSubgraphConfig, migrateSubgraph, openSubgraphOrm } from '@ngo-hub/kit';
import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fundingSubgraph } from '../index';
import { OrganizationDirectory } from '../services/organization-directory';
import { import360Giving, type ImportProgress, type ImportReport } from './importer';

const USAGE = `usage: npm run import:360giving -- FILE [--batch-size N] [--report REPORT.json]

Imports a 360Giving JSON package ({"grants": [...]}) into the funding subgraph's database
(FUNDING_DATABASE_URL or DATABASE_URL), creating missing organizations through the
organizations subgraph at ORGANIZATIONS_URL. Importing the same file again adds nothing.
Exit status: 0 all imported, 3 some grants rejected (listed), 1 failed or the file unreadable
past some point (the grants before it are imported), 2 usage.`;

const SHOWN_REJECTIONS = 200;

function parseArgs(argv: string[]): { file: string; batchSize?: number; report?: string } {
  let file: string | undefined;
  let batchSize: number | undefined;
  let report: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--batch-size') batchSize = Number(argv[++i]);
    else if (arg === '--report') report = argv[++i];
    else if (arg === '--help' || arg === '-h') throw new ConfigError(USAGE);
    else if (!arg.startsWith('--') && file === undefined) file = arg;
    else throw new ConfigError(`unexpected argument ${JSON.stringify(arg)}\n${USAGE}`);
  }
  if (!file) throw new ConfigError(USAGE);
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 20000)) {
    throw new ConfigError('--batch-size must be a whole number from 1 to 20000');
  }
  // npm runs scripts in the package folder; a relative path means the caller's folder
  const base = process.env.INIT_CWD ?? process.cwd();
  return { file: resolve(base, file), batchSize, report: report === undefined ? undefined : resolve(base, report) };
}

function progressLine(progress: ImportProgress, totalBytes: number, started: number): string {
  const seconds = (Date.now() - started) / 1000;
  const percent = totalBytes ? Math.min(100, Math.floor((progress.bytesRead / totalBytes) * 100)) : 0;
  const rate = seconds > 0 ? Math.round(progress.read / seconds) : 0;
  return `${percent}% · ${progress.read} read · ${progress.imported} imported · ${progress.alreadyPresent} already present · ${progress.rejected} rejected · ${rate} grants/s`;
}

function summary(file: string, report: ImportReport): string {
  const rate = report.seconds > 0 ? Math.round(report.read / report.seconds) : report.read;
  const lines = [
    `360Giving import of ${file}`,
    `  grants read        ${report.read}`,
    `  imported           ${report.imported}`,
    `  already present    ${report.alreadyPresent}`,
    `  rejected           ${report.rejected}`,
    `  organizations      ${report.organizationsCreated} created, ${report.organizationsMatched} matched by credit code`,
    `  programmes         ${report.programmesCreated} created`,
    `  time               ${report.seconds.toFixed(1)} s (${rate} grants/s)`,
  ];
  if (report.fileError) lines.push(`  unreadable after grant ${report.read}: ${report.fileError}`);
  if (report.rejections.length) {
    lines.push('rejected grants (row in the grants array, id, field: reason):');
    for (const r of report.rejections.slice(0, SHOWN_REJECTIONS)) lines.push(`  ${r.row} ${r.id ?? '(no id)'} ${r.field}: ${r.message}`);
    if (report.rejections.length > SHOWN_REJECTIONS) lines.push(`  … and ${report.rejections.length - SHOWN_REJECTIONS} more (--report FILE writes them all)`);
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const config = loadSubgraphConfig('funding');
  const log = createLogger('funding-import', process.env.LOG_LEVEL ?? 'warn');
  const totalBytes = statSync(args.file).size;
  const directory = OrganizationDirectory.forTool(config.urls.organizations, config.gatewaySecret, '360giving-import');
  await directory.assertReachable();
  await migrateSubgraph(fundingSubgraph, config.databaseUrl, log);
  const orm = await openSubgraphOrm(fundingSubgraph, config.databaseUrl);
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let lastShown = 0;
  try {
    const report = await import360Giving(orm.em.fork(), directory, createReadStream(args.file, { highWaterMark: 1 << 20 }), {
      batchSize: args.batchSize,
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
      process.stderr.write(`the file is not a readable 360Giving package past grant ${report.read}: ${report.fileError}\n`);
      return 1;
    }
    return report.rejected ? 3 : 0;
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
