import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder of the nearest package.json above `from`: a package's root from src/ or dist/src/ alike. */
export function packageRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}
