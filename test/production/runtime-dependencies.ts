import { builtinModules, createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A package a built file loads at run time that its workspace does not declare, or that cannot be found. */
export interface MissingDependency {
  workspace: string;
  file: string;
  specifier: string;
  problem: 'not in dependencies' | 'not installed';
}

const builtins = new Set(builtinModules);
/** `require("x")` and `import("x")` as TypeScript emits them for CommonJS. */
const LOADS = /\b(?:require|import)\(\s*["']([^"'./][^"']*)["']\s*\)/g;

/** Built files that never run in production: tests and the test helpers of the kit. */
function isRuntimeFile(path: string): boolean {
  const parts = path.split(sep);
  return path.endsWith('.js') && !parts.includes('test') && !parts.includes('testing');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter(isRuntimeFile);
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Every package that a workspace's built code (`dist/`) loads, checked twice: it is in that
 * workspace's `dependencies` (what `npm prune --omit=dev` and a consumer of the package keep),
 * and it resolves from the file that loads it in this installation. Run on a pruned production
 * install, the second check is what the image sees.
 */
export function missingRuntimeDependencies(root: string, workspaces: string[]): MissingDependency[] {
  const missing: MissingDependency[] = [];
  for (const workspace of workspaces) {
    const dir = join(root, workspace);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; dependencies?: Record<string, string> };
    const declared = new Set([manifest.name, ...Object.keys(manifest.dependencies ?? {})]);
    for (const file of filesUnder(join(dir, 'dist'))) {
      const source = readFileSync(file, 'utf8');
      const requireFrom = createRequire(file);
      for (const [, specifier] of source.matchAll(LOADS)) {
        if (specifier.startsWith('node:') || builtins.has(specifier)) continue;
        const at = { workspace, file: relative(root, file), specifier };
        if (!declared.has(packageName(specifier))) missing.push({ ...at, problem: 'not in dependencies' });
        try {
          requireFrom.resolve(specifier);
        } catch {
          missing.push({ ...at, problem: 'not installed' });
        }
      }
    }
  }
  return missing;
}
