import type { ChildService } from '@ngo-hub/kit/processes';
import { graphqlRequest } from '@ngo-hub/kit/testing/client';
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGatewayProcess } from './setup/gateway-process';
import { adminHeaders } from './setup/identities';
import { gatewayCounter, liveClient, Subscription } from './setup/live';

const SUPERGRAPH = join(__dirname, '..', 'schema', 'supergraph.graphql');
const DESCRIPTION = 'An actor of the NGO sector: NGO, foundation, incubator, government buyer, university, ...';

/** The supergraph with Organization's description changed: a new composition the gateway can tell apart. */
function supergraphWith(description: string): string {
  const sdl = readFileSync(SUPERGRAPH, 'utf8');
  if (!sdl.includes(DESCRIPTION)) throw new Error("Organization's description moved: update this test");
  return sdl.replace(DESCRIPTION, description);
}

/** Replaces the file at once, as a deployment does (write elsewhere, rename over it). */
function publish(path: string, sdl: string): void {
  writeFileSync(`${path}.next`, sdl);
  renameSync(`${path}.next`, path);
}

async function organizationDescription(gateway: ChildService): Promise<string> {
  const { data, errors } = await graphqlRequest<{ __type: { description: string } }>(gateway.url, '{ __type(name: "Organization") { description } }');
  if (errors) throw new Error(JSON.stringify(errors));
  return data!.__type.description;
}

async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('supergraph reload without a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ngohub-supergraph-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('on a file change', () => {
    const path = join(dir, 'watched.graphql');
    let gateway: ChildService;
    beforeAll(async () => {
      copyFileSync(SUPERGRAPH, path);
      gateway = await startGatewayProcess({ SUPERGRAPH_PATH: path, SUPERGRAPH_POLL_MS: '100', DATABASE_URL: process.env.TEST_DATABASE_URL! });
    });
    afterAll(() => gateway?.stop());

    it('serves a new supergraph, refuses a broken one and keeps the last good one, answering every request and keeping its sockets throughout', async () => {
      const city = `Reloadville ${Date.now()}`;
      const client = liveClient({ url: gateway.url.replace(/^http/, 'ws') });
      const closes: number[] = [];
      client.on('closed', (event) => closes.push((event as { code: number }).code));
      const subscription = new Subscription<{ organizationChanged: { organization: { name: string } } }>(
        client,
        `subscription($city: String) { organizationChanged(filter: { city: $city }) { organization { name } } }`,
        { city },
      );
      await subscription.ready('organizationChanged', 1, gateway.url);
      expect(await organizationDescription(gateway)).toBe(DESCRIPTION);

      // requests keep coming (four at a time) while the supergraph changes under them
      let phase = 'first';
      let sending = true;
      const answers: { phase: string; status: number; errors?: unknown }[] = [];
      const sender = async () => {
        while (sending && answers.length < 2000) {
          const during = phase;
          const response = await fetch(gateway.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ organizations(first: 1) { totalCount } }' }),
          });
          answers.push({ phase: during, status: response.status, errors: ((await response.json()) as { errors?: unknown }).errors });
        }
      };
      const traffic = Promise.all([sender(), sender(), sender(), sender()]);
      const answeredDuring = (name: string) =>
        eventually(`a request sent during ${name} answered`, async () => answers.some((answer) => answer.phase === name));
      await answeredDuring('first');

      phase = 'second';
      publish(path, supergraphWith('Version two of the organization.'));
      await eventually('the new supergraph is served', async () => (await organizationDescription(gateway)) === 'Version two of the organization.');
      await answeredDuring('second');

      phase = 'broken';
      const refusedBefore = await gatewayCounter('ngohub_supergraph_reloads_total{outcome="refused"}', gateway.url);
      publish(path, 'type Query { broken');
      await eventually(
        'the broken supergraph is refused',
        async () => (await gatewayCounter('ngohub_supergraph_reloads_total{outcome="refused"}', gateway.url)) > refusedBefore,
      );
      expect(await organizationDescription(gateway)).toBe('Version two of the organization.');
      await answeredDuring('broken');

      phase = 'third';
      publish(path, supergraphWith('Version three of the organization.'));
      await eventually('the next good supergraph is served', async () => (await organizationDescription(gateway)) === 'Version three of the organization.');
      await answeredDuring('third');
      sending = false;
      await traffic;
      expect(answers.filter((answer) => answer.status !== 200 || answer.errors)).toEqual([]);

      // the socket opened before the reloads still delivers
      await graphqlRequest(
        gateway.url,
        `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
        { input: { name: 'Reloaded Org', kind: 'NGO', city } },
        adminHeaders(),
      );
      const [event] = await subscription.take(1, 10_000);
      expect(event.data!.organizationChanged.organization.name).toBe('Reloaded Org');
      expect(closes).toEqual([]);
      subscription.stop();
      await client.dispose();
    });
  });

  describe('on SIGHUP', () => {
    const path = join(dir, 'signalled.graphql');
    let gateway: ChildService;
    beforeAll(async () => {
      copyFileSync(SUPERGRAPH, path);
      // the file is not watched in this test: only the signal can make the gateway read it
      gateway = await startGatewayProcess({ SUPERGRAPH_PATH: path, SUPERGRAPH_POLL_MS: '600000' });
    });
    afterAll(() => gateway?.stop());

    it('reads the supergraph again, and keeps running when it cannot be read', async () => {
      publish(path, supergraphWith('Signalled version.'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await organizationDescription(gateway)).toBe(DESCRIPTION);
      gateway.child.kill('SIGHUP');
      await eventually('the signalled supergraph is served', async () => (await organizationDescription(gateway)) === 'Signalled version.');

      rmSync(path);
      gateway.child.kill('SIGHUP');
      await eventually(
        'the missing file is refused',
        async () => (await gatewayCounter('ngohub_supergraph_reloads_total{outcome="refused"}', gateway.url)) > 0,
      );
      expect(gateway.child.exitCode).toBeNull();
      expect(await organizationDescription(gateway)).toBe('Signalled version.');
    });
  });
});
