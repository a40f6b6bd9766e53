// Bundles GraphiQL (React, graphiql, graphql-ws) from node_modules into public/graphiql, so the
// gateway serves it with no CDN and no internet.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'public', 'graphiql');
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: [join(root, 'graphiql', 'main.tsx')],
  outdir,
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  jsx: 'automatic',
  sourcemap: false,
  legalComments: 'none',
  loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file', '.svg': 'file' },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
copyFileSync(join(root, 'graphiql', 'index.html'), join(outdir, 'index.html'));
