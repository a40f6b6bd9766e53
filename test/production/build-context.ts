import dockerignore from '@balena/dockerignore';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The files `docker build .` sends: the repository's files (tracked, and untracked ones git does
 * not ignore) that .dockerignore lets through. Never node_modules, dist or .data, which git
 * ignores, whatever .dockerignore says.
 */
export function buildContextFiles(root: string): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\0')
    .filter((file) => file && existsSync(join(root, file)));
  const rules = dockerignore({ ignorecase: false }).add(readFileSync(join(root, '.dockerignore'), 'utf8'));
  return rules.filter(listed);
}

/** Copies the build context into `target` (what `COPY . .` puts in the image). */
export function copyBuildContext(root: string, target: string): string[] {
  const files = buildContextFiles(root);
  for (const file of files) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(join(root, file), join(target, file));
  }
  return files;
}
