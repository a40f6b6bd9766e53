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

describe('a bad configuration value stops a process at start with a message naming it', () => {
  it.each([
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

  it.each([
    [{ SUBGRAPH_TIMEOUT_MS: '-5' }, /SUBGRAPH_TIMEOUT_MS="-5": expected/],
    [{ FUNDING_URL: 'ftp//x' }, /FUNDING_URL="ftp\/\/x": expected an http:\/\/ URL/],
  ])('gateway with %o', async (env, message) => {
    const { code, stderr } = await run(entryPointOf('@ngo-hub/gateway', 'dist/main.js'), [], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
