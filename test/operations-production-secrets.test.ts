import { DEVELOPMENT_JWT_SECRET, TEST_GATEWAY_SECRET } from '@ngo-hub/kit/hub-mode';
import { entryPointOf, subgraphEntryPoint } from '@ngo-hub/kit/processes';
import { spawn } from 'node:child_process';

type Outcome = { code: number | null; output: string };

/** Runs a process with only `env` (and PATH); kills it once `until` appears in its output (then `code` is null). */
function run(entryPoint: string, args: string[], env: Record<string, string>, until?: RegExp): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entryPoint, ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (until?.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: until?.test(output) ? null : code, output });
    });
  });
}

const SECRET = 'cd'.repeat(32);
const JWT = 'ef'.repeat(32);
const launcher = () => entryPointOf('@ngo-hub/gateway', 'dist/hub/start.js');
const gateway = () => entryPointOf('@ngo-hub/gateway', 'dist/main.js');
// never reached: a refused launcher stops before it touches a database
const DATABASE_URL = 'postgres://postgres@127.0.0.1:1/never';

describe('production mode refuses to start without real secrets, naming the variable (exit code 2)', () => {
  it.each([
    ['no JWT_SECRET nor JWKS_URL', { NODE_ENV: 'production', GATEWAY_SECRET: SECRET }, /JWT_SECRET is not set: production needs .* or JWKS_URL/],
    [
      'the development JWT secret',
      { HUB_MODE: 'production', GATEWAY_SECRET: SECRET, JWT_SECRET: DEVELOPMENT_JWT_SECRET },
      /JWT_SECRET is a development secret published in this repository/,
    ],
    [
      'a short JWT_SECRET',
      { HUB_MODE: 'production', GATEWAY_SECRET: SECRET, JWT_SECRET: 'short-secret' },
      /JWT_SECRET="short-secret": expected an HS256 secret of at least 32 characters/,
    ],
    [
      'no GATEWAY_SECRET (none is generated)',
      { NODE_ENV: 'production', JWT_SECRET: JWT },
      /GATEWAY_SECRET is not set: production needs .*never generated at start/,
    ],
    [
      "the tests' GATEWAY_SECRET",
      { NODE_ENV: 'production', JWT_SECRET: JWT, GATEWAY_SECRET: TEST_GATEWAY_SECRET },
      /GATEWAY_SECRET is a development secret published in this repository/,
    ],
  ])("npm start's launcher with %s", async (_case, env, message) => {
    const { code, output } = await run(launcher(), [], { ...env, DATABASE_URL });
    expect(code).toBe(2);
    expect(output).toMatch(message);
    expect(output).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(output).not.toContain(JWT); // a real secret is never echoed
  });

  it.each([
    ['no JWT_SECRET nor JWKS_URL', { NODE_ENV: 'production', GATEWAY_SECRET: SECRET }, /JWT_SECRET is not set/],
    [
      'the development JWT secret',
      { HUB_MODE: 'production', GATEWAY_SECRET: SECRET, JWT_SECRET: DEVELOPMENT_JWT_SECRET },
      /JWT_SECRET is a development secret/,
    ],
    [
      'the development JWT secret beside a JWKS_URL',
      { HUB_MODE: 'production', GATEWAY_SECRET: SECRET, JWKS_URL: 'https://id.example.org/jwks.json', JWT_SECRET: DEVELOPMENT_JWT_SECRET },
      /JWT_SECRET is a development secret/,
    ],
    ["the tests' GATEWAY_SECRET", { NODE_ENV: 'production', JWT_SECRET: JWT, GATEWAY_SECRET: TEST_GATEWAY_SECRET }, /GATEWAY_SECRET is a development secret/],
  ])('the gateway process with %s', async (_case, env, message) => {
    const { code, output } = await run(gateway(), [], { ...env, PORT: '0' });
    expect(code).toBe(2);
    expect(output).toMatch(message);
  });

  it.each([
    ['no GATEWAY_SECRET', { NODE_ENV: 'production' }, /GATEWAY_SECRET is not set/],
    ["the tests' GATEWAY_SECRET", { HUB_MODE: 'production', GATEWAY_SECRET: TEST_GATEWAY_SECRET }, /GATEWAY_SECRET is a development secret/],
  ])('a subgraph process with %s', async (_case, env, message) => {
    const { code, output } = await run(subgraphEntryPoint('organizations'), ['serve'], { ...env, DATABASE_URL, PORT: '0' });
    expect(code).toBe(2);
    expect(output).toMatch(message);
  });

  it('a production gateway with secrets of its own starts', async () => {
    const { code, output } = await run(gateway(), [], { NODE_ENV: 'production', GATEWAY_SECRET: SECRET, JWT_SECRET: JWT, PORT: '0' }, /gateway ready/);
    expect(output).toMatch(/gateway ready/);
    expect(code).toBeNull();
    expect(output).not.toMatch(/development secret/);
  });

  it('development uses the published JWT secret and says so at start', async () => {
    const { output } = await run(gateway(), [], { GATEWAY_SECRET: SECRET, JWT_SECRET: DEVELOPMENT_JWT_SECRET, PORT: '0', LOG_FORMAT: 'json' }, /gateway ready/);
    expect(output).toMatch(/development mode: JWTs are checked with the development secret published in the README/);
  });
});
