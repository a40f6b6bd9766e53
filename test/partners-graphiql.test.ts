import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext } from './setup/browser';
import { startGatewayProcess } from './setup/gateway-process';
import { gatewayUrl, must } from './setup/hub';
import { adminHeaders } from './setup/identities';

// GraphiQL as an analyst meets it, in Debian's Chromium: the Headers tab signs in subscriptions
// too, the explorer is there, and a hub that refuses anonymous introspection says how to sign in.

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(() => browser?.close());

async function openGraphiql(base: string): Promise<Page> {
  const page = await (await newContext(browser)).newPage();
  await page.goto(`${base}/`);
  await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 20_000 });
  return page;
}

/** Types into one of GraphiQL's editors through CodeMirror's own API, as pasting would. */
async function setEditor(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).first().waitFor();
  await page.evaluate(([sel, value]) => (document.querySelector(sel) as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue(value), [
    selector,
    text,
  ] as const);
}

async function setHeaders(page: Page, headers: Record<string, string>): Promise<void> {
  await page
    .getByRole('tab', { name: 'Headers' })
    .or(page.getByRole('button', { name: 'Headers' }))
    .first()
    .click();
  await setEditor(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror', JSON.stringify(headers));
}

async function response(page: Page): Promise<string> {
  return page.evaluate(() =>
    (document.querySelector('.graphiql-response .CodeMirror') as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue(),
  );
}

async function waitForResponse(page: Page, matches: (text: string) => boolean, what: string): Promise<string> {
  const started = Date.now();
  for (; ; await page.waitForTimeout(200)) {
    const text = await response(page);
    if (matches(text)) return text;
    if (Date.now() - started > 15_000) throw new Error(`GraphiQL never showed ${what}; it shows: ${text.slice(0, 300)}`);
  }
}

describe('partners: GraphiQL signs in with its Headers tab', () => {
  const base = () => gatewayUrl().replace(/\/graphql$/, '');

  it("opens subscriptions with the Headers tab's credentials: a bad key is refused, a good one receives events", async () => {
    const city = `Graphiql City ${Math.random().toString(36).slice(2, 8)}`;
    const page = await openGraphiql(base());
    await setEditor(
      page,
      '.graphiql-query-editor .CodeMirror',
      `subscription { organizationChanged(filter: { city: "${city}" }) { eventId organization { name } } }`,
    );

    await setHeaders(page, { 'x-api-key': 'ngo_not-a-real-key' });
    await page.locator('.graphiql-execute-button').click();
    // the gateway refuses the socket's credential (4403): anonymous would have been accepted
    await waitForResponse(page, (text) => /4403|Forbidden|UNAUTHENTICATED|invalid|unknown/i.test(text), 'the refusal of a bad key');

    // the refused subscription has ended; run it again with the hub admin's key
    await setHeaders(page, adminHeaders());
    await page.locator('.graphiql-execute-button').click();
    // the subscription is open once the gateway answers it; then a change in that city arrives
    for (let started = Date.now(); ;) {
      await must(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`, {
        input: { name: `${city} NGO ${Date.now()}`, kind: 'NGO', city },
      });
      const text = await response(page);
      if (text.includes(city)) break;
      if (Date.now() - started > 15_000) throw new Error(`no event reached GraphiQL: ${text.slice(0, 300)}`);
      await page.waitForTimeout(1000);
    }
    expect(await response(page)).not.toMatch(/4403/);
  });

  it('offers the query explorer', async () => {
    const page = await openGraphiql(base());
    await page.getByRole('button', { name: 'Show GraphiQL Explorer' }).click();
    await page.waitForSelector('.graphiql-explorer-root', { timeout: 10_000 });
    // the explorer lists the schema's root fields to click a query together
    await page.getByText('organizations', { exact: true }).first().waitFor({ timeout: 10_000 });
  });

  describe('where anonymous callers may not introspect', () => {
    let production: Awaited<ReturnType<typeof startGatewayProcess>>;
    beforeAll(async () => {
      production = await startGatewayProcess({ INTROSPECTION: 'authenticated' });
    }, 60_000);
    afterAll(() => production?.stop());

    it('tells an anonymous analyst how to sign in, and shows the schema once they do', async () => {
      const page = await openGraphiql(production.url.replace(/\/graphql$/, ''));
      await page.waitForSelector('.hub-sign-in', { timeout: 15_000 });
      expect(await page.locator('.hub-sign-in').textContent()).toMatch(/Headers.*x-api-key/);
      await setHeaders(page, adminHeaders());
      await page.getByRole('button', { name: 'Re-fetch GraphQL schema' }).click();
      await page.waitForSelector('.hub-sign-in', { state: 'detached', timeout: 15_000 });
    });
  });
});
