import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { launchChromium, newContext } from './setup/browser';
import { gatewayUrl, gql } from './setup/hub';
import { adminHeaders } from './setup/identities';
import { subscribersReady } from './setup/live';

// The dashboard's live feed when its subscription fails, in Debian's Chromium against the real hub.
// The page's socket runs through Playwright's WebSocket route, which forwards every message both
// ways and lets the test stand in for the hub ending the subscription with an error.

const CITY = 'Catchupton';
const suffix = () => Math.random().toString(36).slice(2, 8);

interface Message {
  id?: string;
  type: string;
  payload?: { variables?: Record<string, unknown>; data?: { sectorActivity?: { eventId: string; summary: string } } };
}

async function createOrganization(name: string): Promise<void> {
  const { errors } = await gql(
    `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
    { input: { name, kind: 'NGO', city: CITY, causeAreas: ['EDUCATION'] } },
    adminHeaders(),
  );
  expect(errors).toBeUndefined();
}

async function waitForFeed(page: Page, name: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction((expected) => document.querySelector('[data-testid="feed"]')?.textContent?.includes(expected), name, { timeout, polling: 20 });
}

async function until(condition: () => boolean, what: string, timeout = 10_000): Promise<void> {
  for (const deadline = Date.now() + timeout; !condition();) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(() => browser?.close());

describe("the dashboard's live feed after an error", () => {
  jest.setTimeout(60_000);

  it('subscribes again with since, shows it is catching up, and shows what it missed once', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const fromPage: Message[] = [];
    const fromHub: Message[] = [];
    const dropped: Message[] = [];
    const cut: { id?: string } = {};
    let route: WebSocketRoute | undefined;
    await page.routeWebSocket(/\/graphql$/, (socket) => {
      route = socket;
      const hub = socket.connectToServer();
      socket.onMessage((message) => {
        fromPage.push(JSON.parse(String(message)) as Message);
        hub.send(message);
      });
      hub.onMessage((message) => {
        const parsed = JSON.parse(String(message)) as Message;
        if (cut.id && parsed.id === cut.id) return void dropped.push(parsed);
        fromHub.push(parsed);
        socket.send(message);
      });
    });
    const states: string[] = [];
    await page.exposeFunction('recordState', (state: string) => void states.push(state));
    await page.goto(`${gatewayUrl().replace(/\/graphql$/, '')}/dashboard#city=${CITY}`);
    await page.waitForSelector('body[data-loaded]', { timeout: 20_000 });
    await page.evaluate(() => {
      const element = document.getElementById('connection')!;
      new MutationObserver(() => void (window as unknown as { recordState(s: string): void }).recordState(element.dataset.state ?? '')).observe(element, {
        attributes: true,
      });
    });
    await page.waitForSelector('#connection[data-state="live"]', { timeout: 10_000 });
    await subscribersReady('sectorActivity', 1);

    const seen = `Catch-up Seen ${suffix()}`;
    await createOrganization(seen);
    await waitForFeed(page, seen);
    const seenId = fromHub.find((m) => m.payload?.data?.sectorActivity?.summary.includes(seen))!.payload!.data!.sectorActivity!.eventId;

    // the hub's messages for this subscription stop reaching the page; two changes happen meanwhile
    const first = fromPage.filter((m) => m.type === 'subscribe').at(-1)!;
    cut.id = first.id;
    const missed = [`Catch-up Missed A ${suffix()}`, `Catch-up Missed B ${suffix()}`];
    for (const name of missed) await createOrganization(name);
    await until(() => dropped.filter((m) => m.type === 'next').length === 2, 'the hub to send the two missed changes');

    // then the subscription ends with an error, as the hub ends one it cut off
    route!.send(
      JSON.stringify({
        id: cut.id,
        type: 'next',
        payload: { errors: [{ message: 'cut off', extensions: { code: 'SUBSCRIBER_TOO_SLOW', lastEventId: seenId } }] },
      }),
    );
    route!.send(JSON.stringify({ id: cut.id, type: 'complete' }));

    await page.waitForSelector('#connection[data-state="catching-up"]', { timeout: 5000 });
    await until(() => fromPage.some((m) => m.type === 'subscribe' && m.id !== cut.id), 'the page to subscribe again');
    const again = fromPage.find((m) => m.type === 'subscribe' && m.id !== cut.id)!;
    expect(again.payload!.variables!.since).toBe(seenId);
    for (const name of missed) await waitForFeed(page, name);
    await page.waitForSelector('#connection[data-state="live"]', { timeout: 5000 });
    expect(states).toEqual(expect.arrayContaining(['catching-up', 'live']));
    expect(states.lastIndexOf('live')).toBeGreaterThan(states.indexOf('catching-up'));

    const entries = await page.locator('[data-testid="feed"] .feed-item').allTextContents();
    for (const name of [seen, ...missed]) expect(entries.filter((entry) => entry.includes(name))).toHaveLength(1);
    await context.close();
  });
});
