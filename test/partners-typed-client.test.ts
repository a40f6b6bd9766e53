import { entryPointOf } from '@ngo-hub/kit/processes';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { gatewayUrl, must } from './setup/hub';
import { adminHeaders } from './setup/identities';

// The partner client example (examples/partner-client: types generated from schema/api.graphql),
// run as a partner would run it, against the started hub.
describe('partners: the typed client example', () => {
  it("mirrors a city's organizations by following the cursor to the end, then receives an awarded grant", async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const city = `Typed Client City ${tag}`;
    const inputs = Array.from({ length: 25 }, (_, i) => ({ name: `Typed Client NGO ${tag} ${i}`, kind: 'NGO', city }));
    const created = await must<Record<string, { organization: { id: string } }>>(
      `mutation(${inputs.map((_, i) => `$o${i}: CreateOrganizationInput!`).join(', ')}) { ${inputs.map((_, i) => `o${i}: createOrganization(input: $o${i}) { organization { id } }`).join(' ')} }`,
      Object.fromEntries(inputs.map((input, i) => [`o${i}`, input])),
    );
    const ids = Object.values(created).map((answer) => answer.organization.id);

    const child = spawn(process.execPath, [entryPointOf('@ngo-hub/partner-client-example', 'dist/main.js')], {
      env: { ...process.env, HUB_URL: gatewayUrl(), HUB_API_KEY: adminHeaders()['x-api-key'], CITY: city, EVENTS: '1', RECIPIENT: ids[0] },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: Record<string, any>[] = [];
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const subscribed = new Promise<void>((resolve) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        lines.push(JSON.parse(line));
        if (lines.at(-1)!.subscribed) resolve();
      });
    });
    await subscribed;
    expect(
      lines
        .filter((line) => line.organization)
        .map((line) => line.organization.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(lines.find((line) => line.pages)).toEqual({ pages: 3 });

    // the subscription is open: a grant to the first organization reaches the program
    const [funder] = Object.values(created)
      .map((answer) => answer.organization.id)
      .slice(1, 2);
    for (let started = Date.now(); !lines.some((line) => line.grantAwarded); await new Promise((resolve) => setTimeout(resolve, 500))) {
      if (Date.now() - started > 20_000) throw new Error('no grant reached the client');
      await must(`mutation($input: AwardGrantInput!) { awardGrant(input: $input) { grant { id } } }`, {
        input: {
          title: `Typed client grant ${tag}`,
          fundingOrganizationId: funder,
          recipientOrganizationId: ids[0],
          amountAwarded: { amount: '1234.56', currency: 'CNY' },
          awardDate: '2025-01-15',
        },
      });
    }
    expect(await exited).toBe(0);
    expect(lines.find((line) => line.grantAwarded)!.grantAwarded).toMatchObject({ title: `Typed client grant ${tag}`, amount: '1234.56' });
  });

  it('keeps a mirror of the directory current across runs, reading only what changed and what was removed', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const city = `Mirror City ${tag}`;
    const created = await must<Record<string, { organization: { id: string } }>>(
      `mutation { ${Array.from({ length: 5 }, (_, i) => `o${i}: createOrganization(input: { name: "Mirror NGO ${tag} ${i}", kind: NGO, city: "${city}" }) { organization { id } }`).join(' ')} }`,
      {},
    );
    const ids = Object.values(created).map((answer) => answer.organization.id);
    const directory = await mkdtemp(join(tmpdir(), 'ngohub-mirror-'));
    const mirrorFile = join(directory, 'mirror.json');
    const run = async () => {
      const { stdout } = await promisify(execFile)(process.execPath, [entryPointOf('@ngo-hub/partner-client-example', 'dist/sync.js')], {
        env: { ...process.env, HUB_URL: gatewayUrl(), HUB_API_KEY: adminHeaders()['x-api-key'], CITY: city, MIRROR: mirrorFile },
      });
      return JSON.parse(stdout.trim().split('\n').at(-1)!) as { changed: number; removed: number; size: number };
    };
    const mirrored = async () => {
      const { organizations } = JSON.parse(await readFile(mirrorFile, 'utf8')) as { organizations: Record<string, { name: string }> };
      return Object.fromEntries(Object.entries(organizations).map(([id, row]) => [id, row.name]));
    };
    const sql = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await sql.connect();
    try {
      expect(await run()).toEqual({ changed: 5, removed: 0, size: 5 });
      // nothing changed: nothing read
      expect(await run()).toEqual({ changed: 0, removed: 0, size: 5 });

      await must(`mutation($id: ID!, $name: String!) { updateOrganization(id: $id, input: { name: $name }) { organization { id } } }`, {
        id: ids[0],
        name: `Mirror NGO ${tag} renamed`,
      });
      // deleted outside the API (an operator's clean-up, with its registration history): the hub records the removal
      await sql.query('begin');
      await sql.query('delete from organizations.registration_change where organization_id = $1', [ids[4]]);
      await sql.query('delete from organizations.organization where id = $1', [ids[4]]);
      await sql.query('commit');
      expect(await run()).toEqual({ changed: 1, removed: 1, size: 4 });

      // the mirror is what the hub lists now
      const listed = await must<{ organizations: { nodes: { id: string; name: string }[] } }>(
        `query($city: String!) { organizations(filter: { city: $city }, first: 100) { nodes { id name } } }`,
        { city },
      );
      expect(await mirrored()).toEqual(Object.fromEntries(listed.organizations.nodes.map((node) => [node.id, node.name])));
      expect((await mirrored())[ids[0]]).toBe(`Mirror NGO ${tag} renamed`);
    } finally {
      await sql.end();
      await rm(directory, { recursive: true, force: true });
    }
  });
});
