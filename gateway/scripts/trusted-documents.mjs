// Writes gateway/trusted-documents.json: the operations the hub's own clients send (GraphiQL's
// saved examples, the dashboard's queries), in Apollo's persisted query manifest format, each
// under the sha256 of its exact text. `--check` writes nothing and exits 1 when the file is stale.
import { build } from 'esbuild';
import { parse } from 'graphql';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifestPath = join(root, 'trusted-documents.json');

/** Modules whose exported strings (also inside arrays and objects) are the operations of a client. */
const SOURCES = [join(root, 'graphiql', 'examples.ts'), join(root, 'dashboard', 'src', 'queries.ts')];

async function exportsOf(file) {
  const { outputFiles } = await build({ entryPoints: [file], bundle: true, write: false, format: 'cjs', platform: 'node', logLevel: 'silent' });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, () => ({}));
  return module.exports;
}

function* stringsIn(value) {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsIn(item);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) yield* stringsIn(item);
}

/** The operation a string holds, or undefined when it is not an executable GraphQL document. */
function operationOf(body) {
  try {
    const operation = parse(body).definitions.find((definition) => definition.kind === 'OperationDefinition');
    return operation && { id: createHash('sha256').update(body).digest('hex'), name: operation.name?.value ?? '', type: operation.operation, body };
  } catch {
    return undefined;
  }
}

const operations = new Map();
for (const file of SOURCES.filter(existsSync)) {
  for (const text of stringsIn(await exportsOf(file))) {
    const operation = operationOf(text);
    if (operation) operations.set(operation.id, operation);
  }
}
const manifest = {
  format: 'apollo-persisted-query-manifest',
  version: 1,
  operations: [...operations.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
};
const text = `${JSON.stringify(manifest, null, 2)}\n`;
const where = relative(process.cwd(), manifestPath);
if (process.argv.includes('--check')) {
  const current = existsSync(manifestPath) ? readFileSync(manifestPath, 'utf8') : '';
  if (current !== text) {
    process.stderr.write(`${where} is stale: run \`npm run trusted-documents\` and commit it\n`);
    process.exit(1);
  }
  process.stdout.write(`${where} is up to date (${operations.size} operations)\n`);
} else {
  writeFileSync(manifestPath, text);
  process.stdout.write(`wrote ${where}: ${operations.size} operations\n`);
}
