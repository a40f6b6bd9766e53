import { entryPointOf } from '@ngo-hub/kit/processes';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
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
});
