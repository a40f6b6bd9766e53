import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph, schemaDir } from './compose-supergraph';

/** `npm run compose` writes schema/; `npm run compose -- --check` only reports stale files. */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const { files, hints } = await composeSupergraph();
  const stale: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const path = join(schemaDir(), name);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === content) continue;
    stale.push(name);
    if (!check) writeFileSync(path, content);
  }
  for (const hint of hints) process.stdout.write(`accepted hint ${hint.code}: ${hint.message}\n`);
  if (check && stale.length) {
    process.stderr.write(`schema/ is stale: ${stale.join(', ')}. Run \`npm run compose\` and commit schema/.\n`);
    process.exit(1);
  }
  process.stdout.write(stale.length ? `${check ? 'stale' : 'wrote'}: ${stale.map((s) => `schema/${s}`).join(', ')}\n` : 'schema/ is up to date\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
