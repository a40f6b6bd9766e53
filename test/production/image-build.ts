import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** What a build container gets of the builder's network: set here only when this machine sets it. */
const NETWORK = ['NODE_EXTRA_CA_CERTS', 'HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY', 'https_proxy', 'http_proxy', 'no_proxy'];

/**
 * Runs one RUN step of the Dockerfile's build stage in `root` (the build context copy), as
 * `/bin/sh -c` does in the build container: a clean environment but for PATH and HOME (so the
 * npm cache of this machine serves `npm ci`), CI, and how this machine reaches the registry (a
 * builder's network settings: the extra CA certificates and proxies it is given, so a package the
 * cache does not hold yet is fetched as `npm ci` fetches it, not refused by a TLS-intercepting
 * proxy). Its output goes to `logFile`.
 *
 * `turboCacheDir`: turbo's cache to build with, as a Docker build with a warm BuildKit cache
 * would: a task whose inputs (its files, the lock file, its dependencies' hashes) are exactly
 * those of a build already made restores that build's outputs; any difference builds it.
 */
export function runBuildStep(step: string, root: string, logFile: string, turboCacheDir?: string): Promise<void> {
  const log = createWriteStream(logFile, { flags: 'a' });
  log.write(`$ ${step}\n`);
  const child = spawn('sh', ['-c', step], {
    cwd: root,
    env: {
      PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
      HOME: process.env.HOME ?? root,
      ...Object.fromEntries(NETWORK.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : []))),
      CI: 'true',
      // the cache answers what it holds without asking the registry again; what is installed is the lock file's either way
      npm_config_prefer_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
      TURBO_TELEMETRY_DISABLED: '1',
      ...(turboCacheDir ? { TURBO_CACHE_DIR: turboCacheDir } : {}),
      DO_NOT_TRACK: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      log.end(() => {
        if (code === 0) return resolve();
        reject(new Error(`RUN ${step} failed with ${code}:\n${readFileSync(logFile, 'utf8').slice(-6000)}`));
      });
    });
  });
}
