import { entryPointOf, subgraphEntryPoint } from '@ngo-hub/kit/processes';
import { spawn } from 'node:child_process';

function run(entryPoint: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entryPoint, ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

/** A valid GATEWAY_SECRET, so the gateway gets as far as the value under test. */
const SECRET = 'ab'.repeat(32);

// each case starts a process of its own and waits for it to exit: they run side by side
describe('a bad configuration value stops a process at start with a message naming it', () => {
  it.concurrent.each([
    [{ PORT: 'abc' }, /PORT="abc": expected/],
    [{ DATABASE_URL: 'mysql://localhost/ngohub' }, /DATABASE_URL="mysql:\/\/localhost\/ngohub": expected a postgres:\/\/ URL/],
    [{ PEOPLE_URL: 'not a url' }, /PEOPLE_URL="not a url": expected an http:\/\/ URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL="loud": expected/],
  ])('subgraph with %o', async (env, message) => {
    const { code, stderr } = await run(subgraphEntryPoint('organizations'), ['serve'], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it.concurrent.each([
    [{ SUBGRAPH_TIMEOUT_MS: '-5' }, /SUBGRAPH_TIMEOUT_MS="-5": expected/],
    [{ FUNDING_URL: 'ftp//x' }, /FUNDING_URL="ftp\/\/x": expected an http:\/\/ URL/],
    [{ HUB_MODE: 'staging', GATEWAY_SECRET: SECRET }, /HUB_MODE="staging": expected/],
    [{ MAX_DEPTH: '0', GATEWAY_SECRET: SECRET }, /MAX_DEPTH="0": expected/],
    [{ CORS_ORIGINS: 'https://partner.example.org/app', GATEWAY_SECRET: SECRET }, /CORS_ORIGINS="https:\/\/partner.example.org\/app": expected \*, or origins/],
    [{ TRUSTED_DOCUMENTS: 'maybe', GATEWAY_SECRET: SECRET }, /TRUSTED_DOCUMENTS="maybe": expected/],
    [{ WEBHOOK_RETRY_SCHEDULE: '5s,soon', GATEWAY_SECRET: SECRET }, /WEBHOOK_RETRY_SCHEDULE="5s,soon": expected "soon" is not a delay/],
    [
      { TRUSTED_DOCUMENTS: 'all', TRUSTED_DOCUMENTS_PATH: '/nonexistent/manifest.json', GATEWAY_SECRET: SECRET },
      /TRUSTED_DOCUMENTS_PATH="\/nonexistent\/manifest.json": no such file/,
    ],
    [
      { REDIS_URL: 'redis://127.0.0.1:6379', RATE_LIMIT_PER_SECOND: '20', RATE_LIMIT_BURST: '5', GATEWAY_SECRET: SECRET },
      /RATE_LIMIT_BURST=5: with REDIS_URL .* at least 20/,
    ],
  ])('gateway with %o', async (env, message) => {
    const { code, stderr } = await run(entryPointOf('@ngo-hub/gateway', 'dist/main.js'), [], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
