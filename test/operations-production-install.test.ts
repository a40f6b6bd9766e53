import { freePort } from '@ngo-hub/kit/processes';
import { graphqlRequest } from '@ngo-hub/kit/testing/client';
import { createTestDatabase, type TestDatabase } from '@ngo-hub/kit/testing/database';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildContextFiles, copyBuildContext } from './production/build-context';
import { defaultServices, loadCompose, parseEnvFile } from './production/compose';
import { readDockerfile } from './production/dockerfile';
import { runBuildStep } from './production/image-build';
import { composeDown, composeUp, runService, type LocalCompose, type RunningService } from './production/local-compose';
import { missingRuntimeDependencies } from './production/runtime-dependencies';
import { userJwt } from './setup/identities';
import { liveClient, Subscription } from './setup/live';

const repository = join(__dirname, '..');
const WORKSPACES = ['subgraphs/kit', 'subgraphs/organizations', 'subgraphs/people', 'subgraphs/funding', 'subgraphs/training', 'gateway'];
const run = randomBytes(4).toString('hex');
/**
 * Development only: a build this test made and kept (PRODUCTION_INSTALL_REUSE=/tmp/ngohub-image-…),
 * to rerun the services without building again. CI always builds.
 */
const REUSE = process.env.CI ? undefined : process.env.PRODUCTION_INSTALL_REUSE;
/**
 * The build step uses the repository's turbo cache, which `npm test` has just filled by building
 * this same source: the image's build of identical inputs restores those outputs (a minute and a
 * half of CPU on two cores), while `npm ci` and `npm prune` run in full. A file the build context
 * leaves out, or one it holds differently, changes the task's hash and builds it for real.
 * PRODUCTION_INSTALL_COLD=1 builds everything.
 */
const TURBO_CACHE = process.env.PRODUCTION_INSTALL_COLD ? undefined : join(repository, '.turbo', 'cache');
/**
 * Where the image's files are built: in memory (/dev/shm) where the machine has room there. `npm ci`
 * writes some 57,000 files (about 700 MB): on a virtual disk that took 52-67 s of kernel time (two
 * cores), in memory 8-10 s. What is installed and run is the same. A container's /dev/shm is
 * often 64 MB: then the temporary directory.
 */
const IMAGES = freeBytes('/dev/shm') >= 4 * 1024 ** 3 ? '/dev/shm' : tmpdir();

/** Free bytes in the file system of `dir`; 0 where there is no such directory. */
function freeBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  const { bavail, bsize } = statfsSync(dir);
  return bavail * bsize;
}

/**
 * What an operator gets from the Dockerfile and docker-compose.yml, without a Docker engine: the
 * build context (through .dockerignore) is copied, the Dockerfile's build steps run on it (npm ci,
 * build, `npm prune --omit=dev`), then every service of the compose file starts from that build
 * with the environment the file gives it, interpolated from a `.env` written from .env.example,
 * against this machine's PostgreSQL (a fresh database) and Redis.
 */
describe('the production image, run as docker-compose.yml runs it', () => {
  let image: string;
  let database: TestDatabase | undefined;
  let local: LocalCompose;
  let running = new Map<string, RunningService>();
  let files: string[];
  const secrets: Record<string, string> = {
    ...parseEnvFile(readFileSync(join(repository, '.env.example'), 'utf8')),
    POSTGRES_PASSWORD: randomBytes(16).toString('hex'),
    GATEWAY_SECRET: randomBytes(32).toString('hex'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    HUB_ADMIN_API_KEY: `ngo_${randomBytes(20).toString('hex')}`,
  };
  const admin = { 'x-api-key': secrets.HUB_ADMIN_API_KEY };
  let gatewayUrl: string;
  const gql = <T>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = admin) =>
    graphqlRequest<T>(gatewayUrl, query, variables, headers);
  async function must<T>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = admin): Promise<T> {
    const { data, errors } = await gql<T>(query, variables, headers);
    if (errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(errors)}`);
    return data!;
  }

  beforeAll(async () => {
    const recipe = readDockerfile(repository);
    if (REUSE) {
      image = REUSE;
      files = buildContextFiles(repository);
    } else {
      image = mkdtempSync(join(IMAGES, 'ngohub-image-'));
      files = copyBuildContext(repository, image);
      for (const step of recipe.buildSteps) await runBuildStep(step, image, `${image}-build.log`, TURBO_CACHE);
    }
    database = await createTestDatabase('ngohub_image');
    const compose = loadCompose(repository, secrets);
    const addresses: Record<string, string> = {
      [`postgres:5432`]: new URL(database.url).host,
      [`redis:6379`]: new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379').host,
    };
    for (const name of defaultServices(compose)) {
      const port = compose.services[name].environment?.PORT;
      if (port !== undefined) addresses[`${name}:${port}`] = `127.0.0.1:${await freePort()}`;
    }
    local = {
      compose,
      recipe,
      root: image,
      addresses,
      databases: { ngohub: new URL(database.url).pathname.slice(1) },
      // this run's keys in the machine's Redis, apart from every other run's
      extraEnv: (name): Record<string, string> => (compose.services[name].environment?.REDIS_URL ? { REDIS_KEY_PREFIX: `ngohub-image-${run}:` } : {}),
    };
    running = await composeUp(local);
    gatewayUrl = `http://${addresses[`gateway:${compose.services.gateway.environment!.PORT}`]}/graphql`;
  }, 30 * 60_000);

  afterAll(async () => {
    await composeDown(running);
    await database?.drop();
    if (image && !REUSE && !process.env.PRODUCTION_INSTALL_KEEP) rmSync(image, { recursive: true, force: true });
    if (image && !REUSE) rmSync(`${image}-build.log`, { force: true });
  }, 120_000);

  it('builds from a context without tests, benchmarks, git data, local databases or secrets', () => {
    expect(files).toContain('package-lock.json');
    expect(files).toContain('test/package.json');
    const leaked = files.filter((file) =>
      /^(\.git\/|\.data\/|\.env$|bench\/(?!package\.json$)|test\/(?!package\.json$)|subgraphs\/[^/]+\/test\/)|(^|\/)node_modules\/|(^|\/)dist\//.test(file),
    );
    expect(leaked).toEqual([]);
  });

  it('installs every package that a workspace loads at run time, after npm prune --omit=dev', () => {
    expect(missingRuntimeDependencies(image, WORKSPACES)).toEqual([]);
  });

  it('runs the migration job to completion before the servers, and loads no demo data', async () => {
    expect(await running.get('migrate')!.exited).toBe(0);
    const { organizations } = await must<{ organizations: { totalCount: number } }>(`{ organizations(first: 1) { totalCount } }`);
    expect(organizations.totalCount).toBe(0);
  });

  it('has every server ready on /readyz', async () => {
    const servers = [...running.values()].filter((service) => service.port);
    expect(servers.map((s) => s.name).sort()).toEqual(['funding', 'gateway', 'organizations', 'people', 'training']);
    for (const server of servers) {
      const response = await fetch(`http://127.0.0.1:${server.port}/readyz`);
      expect({ server: server.name, status: response.status }).toEqual({ server: server.name, status: 200 });
    }
  });

  it('signs in a user with a JWT of the configured secret, and refuses a JWT of another', async () => {
    const { createPerson } = await must<{ createPerson: { person: { id: string } } }>(
      `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`,
      { input: { name: `Image Tester ${run}` } },
    );
    const token = await userJwt(createPerson.person.id, { secret: secrets.JWT_SECRET });
    const { myData } = await must<{ myData: { id: string; person: { name: string } } }>(
      `{ myData { id person { name } } }`,
      {},
      { authorization: `Bearer ${token}` },
    );
    expect(myData).toEqual({ id: createPerson.person.id, person: { name: `Image Tester ${run}` } });
    const forged = await userJwt(createPerson.person.id, { secret: randomBytes(32).toString('hex') });
    const refused = await gql(`{ myData { id } }`, {}, { authorization: `Bearer ${forged}` });
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("answers a federated query and an organization's API key, and delivers a subscription event over graphql-ws", async () => {
    const city = `Imageville ${run}`;
    const client = liveClient({ url: gatewayUrl.replace(/^http/, 'ws') });
    const subscription = new Subscription<{ organizationChanged: { change: string; organization: { name: string; totalReceived: unknown } } }>(
      client,
      `subscription($city: String!) { organizationChanged(filter: { city: $city }) { change organization { name totalReceived { amount currency } } } }`,
      { city },
    );
    try {
      await subscription.ready('organizationChanged', 1, gatewayUrl);
      const { createOrganization } = await must<{ createOrganization: { organization: { id: string } } }>(
        `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
        { input: { name: `Image Org ${run}`, kind: 'NGO', city, causeAreas: ['ELDERLY_CARE'] } },
      );
      const [event] = await subscription.take(1, 15_000);
      expect(event.errors).toBeUndefined();
      expect(event.data!.organizationChanged.organization.name).toBe(`Image Org ${run}`);

      const { createApiKey } = await must<{ createApiKey: { key: string } }>(
        `mutation($id: ID!) { createApiKey(input: { organizationId: $id, name: "image test" }) { key } }`,
        { id: createOrganization.organization.id },
      );
      const federated = await gql<{ organizations: { nodes: { name: string; totalReceived: unknown[]; people: { totalCount: number } }[] } }>(
        `query($city: String!) { organizations(filter: { city: $city }) { nodes { name totalReceived { amount } people(first: 1) { totalCount } } } }`,
        { city },
        { 'x-api-key': createApiKey.key },
      );
      expect(federated.errors).toBeUndefined();
      expect(federated.data!.organizations.nodes).toEqual([{ name: `Image Org ${run}`, totalReceived: [], people: { totalCount: 0 } }]);
    } finally {
      subscription.stop();
      await client.dispose();
    }
  });

  it('imports a 360Giving file with the import-360giving tool as the compose file runs it', async () => {
    const file = `${image}-grants-${run}.json`;
    const grant = (n: number) => ({
      id: `360G-image-${run}-${n}`,
      title: `Image grant ${n}`,
      currency: 'GBP',
      amountAwarded: 1000 * n,
      awardDate: '2026-01-15',
      recipientOrganization: [{ id: `GB-CHC-IMG${run}`, name: `Image Recipient ${run}` }],
      fundingOrganization: [{ id: `GB-CHC-IMGF${run}`, name: `Image Funder ${run}` }],
    });
    writeFileSync(file, JSON.stringify({ grants: [grant(1), grant(2)] }));
    try {
      const tool = runService('import-360giving', local, [file]);
      const code = await tool.exited;
      expect({ code, output: code === 0 ? '' : tool.output() }).toEqual({ code: 0, output: '' });
      const { organizations } = await must<{ organizations: { nodes: { grantsReceived: { nodes: { title: string }[] } }[] } }>(
        `query($search: String!) { organizations(filter: { search: $search }) { nodes { grantsReceived(first: 10) { nodes { title } } } } }`,
        { search: `Image Recipient ${run}` },
      );
      expect(organizations.nodes.flatMap((o) => o.grantsReceived.nodes.map((g) => g.title)).sort()).toEqual(['Image grant 1', 'Image grant 2']);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
