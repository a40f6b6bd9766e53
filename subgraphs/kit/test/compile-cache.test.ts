import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';

const kit = join(__dirname, '..');
/** How the image starts every process (Dockerfile: NODE_OPTIONS="--require …/tracing/register.js"). */
const REGISTER = join(kit, 'dist', 'tracing', 'register.js');

/** The compile-cache folder of a node process started with the tracing hook, in a temp dir of its own, with `env` added. */
function compileCacheDirOf(env: Record<string, string>): { dir: string; tempDirHolds: string[] } {
  const temp = mkdtempSync(join(tmpdir(), 'compile-cache-test-'));
  try {
    const { NODE_COMPILE_CACHE: _cache, NODE_DISABLE_COMPILE_CACHE: _off, ...inherited } = process.env;
    const dir = execFileSync(process.execPath, ['--require', REGISTER, '-e', "process.stdout.write(String(require('node:module').getCompileCacheDir()))"], {
      env: { ...inherited, TMPDIR: temp, ...env },
      encoding: 'utf8',
    });
    return { dir, tempDirHolds: readdirSync(temp) };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

describe("a process's compile cache", () => {
  it("lives in the installation (the kit's node_modules/.cache), never in the shared temp dir, when the tracing hook loads first", () => {
    const { dir, tempDirHolds } = compileCacheDirOf({});
    // Node keeps each version's code in a subfolder of the one it was given
    expect(dir.startsWith(join(kit, 'node_modules', '.cache', 'compile-cache') + sep)).toBe(true);
    expect(tempDirHolds).toEqual([]);
    expect(existsSync(dir)).toBe(true);
  });

  it('goes to the folder NODE_COMPILE_CACHE names', () => {
    const named = mkdtempSync(join(tmpdir(), 'compile-cache-named-'));
    try {
      expect(compileCacheDirOf({ NODE_COMPILE_CACHE: named }).dir.startsWith(named + sep)).toBe(true);
    } finally {
      rmSync(named, { recursive: true, force: true });
    }
  });

  it('is off with NODE_DISABLE_COMPILE_CACHE=1', () => {
    const { dir, tempDirHolds } = compileCacheDirOf({ NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(dir).toBe('undefined');
    expect(tempDirHolds).toEqual([]);
  });
});
