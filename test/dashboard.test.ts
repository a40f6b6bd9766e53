import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext } from './setup/browser';
import { DASHBOARD_QUERY, variablesOf, ALL_PARTS } from '../gateway/dashboard/src/queries';
import { countSql, gatewayUrl, gql } from './setup/hub';
import { startGatewayProcess } from './setup/gateway-process';
import { adminHeaders } from './setup/identities';
import { subscribersReady } from './setup/live';
import { freePort } from '@ngo-hub/kit/processes';

// The sector dashboard in Debian's Chromium (never a downloaded browser), against the real hub.
const SCREENSHOTS = join(__dirname, 'screenshots');

const base = () => gatewayUrl().replace(/\/graphql$/, '');

interface Opened {
  page: Page;
  /** Every request the page made, as method and URL. */
  requests: { method: string; url: string; authorization?: string }[];
  errors: string[];
}

let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function openDashboard(
  options: { width?: number; height?: number; locale?: string; hash?: string; reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<Opened> {
  const context = await newContext(browser, {
    viewport: { width: options.width ?? 1440, height: options.height ?? 1000 },
    locale: options.locale ?? 'en-US',
    ...(options.reducedMotion ? { reducedMotion: options.reducedMotion } : {}),
  });
  const page = await context.newPage();
  const requests: Opened['requests'] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push({ method: request.method(), url: request.url(), authorization: request.headers().authorization }));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${base()}/dashboard${options.hash ?? ''}`);
  await page.waitForSelector('body[data-loaded]', { timeout: 20_000 });
  return { page, requests, errors };
}

async function text(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').trim();
}

async function cityCount(page: Page, city: string): Promise<number> {
  return Number(await text(page, `[data-chart="byCity"] tr[data-key="${city}"] td.count`));
}

async function shownOrganizations(page: Page): Promise<number> {
  return Number((await text(page, '[data-kpi="organizations"] .value')).replace(/\D/g, ''));
}

async function organizationCount(filter?: { city: string }): Promise<number> {
  const { data, errors } = await gql<{ sectorMap: { organizationCount: number } }>(
    `query($filter: SectorMapFilter) { sectorMap(filter: $filter) { organizationCount } }`,
    { filter },
  );
  expect(errors).toBeUndefined();
  return data!.sectorMap.organizationCount;
}

async function chengduCount(): Promise<number> {
  const { data } = await gql<{ sectorMap: { byCity: { key: string | null; count: number }[] } }>(`{ sectorMap { byCity { key count } } }`);
  return data!.sectorMap.byCity.find((row) => row.key === 'Chengdu')!.count;
}

const suffix = () => Math.random().toString(36).slice(2, 8);

/** Creates an organization in Chengdu through the API, as a hub admin. */
async function createOrganization(name: string, nameZh?: string): Promise<{ id: string; name: string }> {
  const { data, errors } = await gql<{ createOrganization: { organization: { id: string } } }>(
    `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`,
    { input: { name, nameZh, kind: 'NGO', city: 'Chengdu', province: 'Sichuan', causeAreas: ['ELDERLY_CARE'] } },
    adminHeaders(),
  );
  expect(errors).toBeUndefined();
  return { id: data!.createOrganization.organization.id, name };
}

async function waitForFeed(page: Page, name: string, timeout = 5000): Promise<void> {
  await page.waitForFunction((expected) => document.querySelector('[data-testid="feed"]')?.textContent?.includes(expected), name, { timeout, polling: 20 });
}

describe('the sector dashboard', () => {
  jest.setTimeout(60_000);

  it('is served at /dashboard from local assets only, under a policy that allows no third party', async () => {
    const response = await fetch(`${base()}/dashboard`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const policy = response.headers.get('content-security-policy')!;
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).not.toMatch(/(src|href)="https?:\/\//);
    const assets = [...html.matchAll(/(?:src|href)="(\/dashboard\/assets\/[^"]+)"/g)].map((match) => match[1]);
    expect(assets.some((path) => path.endsWith('.js'))).toBe(true);
    expect(assets.some((path) => path.endsWith('.css'))).toBe(true);
    for (const path of assets) {
      const asset = await fetch(`${base()}${path}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect(await asset.text()).not.toMatch(/https?:\/\/(cdn|fonts|unpkg|jsdelivr)/);
    }
    expect((await fetch(`${base()}/dashboard/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${base()}/dashboard/assets/none.js`)).status).toBe(404);
  });

  it("shows the seed sector with one GraphQL request: Chengdu's organizations, funders, cohorts, open jobs and courses", async () => {
    const before = { all: await organizationCount(), chengdu: await chengduCount() };
    const { page, requests, errors } = await openDashboard();
    const after = { all: await organizationCount(), chengdu: await chengduCount() };

    const shownChengdu = await cityCount(page, 'Chengdu');
    expect(shownChengdu).toBeGreaterThanOrEqual(before.chengdu);
    expect(shownChengdu).toBeLessThanOrEqual(after.chengdu);
    const shownAll = await shownOrganizations(page);
    expect(shownAll).toBeGreaterThanOrEqual(before.all);
    expect(shownAll).toBeLessThanOrEqual(after.all);

    // every list shows what the API answers for the same view
    const api = await gql<{
      flows: { nodes: { funder: { name: string }; recipient: { name: string } }[] };
      jobs: { nodes: { title: string }[] };
      courses: { nodes: { title: string }[] };
    }>(`{
      flows: fundingFlows(first: 100) { nodes { funder { name } recipient { name } } }
      jobs: jobPostings(first: 8, filter: { openNow: true }) { nodes { title } }
      courses(first: 8, filter: { openForEnrollment: true }) { nodes { title } }
    }`);
    const flowRows = await page.locator('[data-testid="flows-table"] tbody tr').evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('td')]
          .slice(0, 2)
          .map((cell) => cell.textContent)
          .join(' → '),
      ),
    );
    expect(flowRows.sort()).toEqual(api.data!.flows.nodes.map((flow) => `${flow.funder.name} → ${flow.recipient.name}`).sort());
    const jobTitles = await page.locator('[data-testid="jobs"] .job .item-title').allTextContents();
    expect(jobTitles).toEqual(api.data!.jobs.nodes.map((job) => job.title));
    expect(jobTitles.length).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="courses"] .course .item-title').allTextContents()).toEqual(api.data!.courses.nodes.map((course) => course.title));
    expect(await page.locator('[data-testid="incubation"]').textContent()).toContain('Chengdu NGO Service Park Incubation Programme');

    // only the public API on the same origin, and one combined query for the whole page
    expect(requests.every((request) => request.url.startsWith(base()))).toBe(true);
    const queries = requests.filter((request) => request.method === 'POST' && request.url === gatewayUrl());
    expect(queries).toHaveLength(1);
    expect(requests.filter((request) => request.method === 'POST').every((request) => request.url === gatewayUrl())).toBe(true);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-desktop.png'), fullPage: true });
    await page.context().close();

    // the seeded purchase of services: the city of Chengdu funding (illustrative) Chengdu NGOs in 2012
    const seeded = await openDashboard({ hash: '#city=Chengdu&year=2012' });
    expect(await seeded.page.locator('[data-testid="flow-year"]').inputValue()).toBe('2012');
    expect(await seeded.page.locator('[data-testid="flows-table"]').textContent()).toContain('Chengdu Municipal Government');
    await seeded.page.context().close();
  });

  it('loads the whole page in a few SQL statements per subgraph, fewer than the organizations it shows (no N+1)', async () => {
    let answer: Awaited<ReturnType<typeof gql>> | undefined;
    const statements = await countSql(async () => {
      answer = await gql(DASHBOARD_QUERY, variablesOf(ALL_PARTS, { city: null, cause: null, year: null, sourcedOnly: false }));
    });
    expect(answer!.errors).toBeUndefined();
    // organizations resolved by reference: funders and recipients of flows, employers, course
    // organizers, incubators; fetched one by one they would cost a statement each
    let references = 0;
    JSON.stringify(answer!.data, (key, value) => {
      if (value && typeof value === 'object' && Object.keys(value).join() === 'id,name,nameZh') references += 1;
      return value;
    });
    expect(references).toBeGreaterThan(15);
    expect(statements.organizations).toBeLessThan(references);
    // DataLoader batches: a constant per field, whatever the number of rows
    expect(statements.funding).toBeLessThanOrEqual(4);
    expect(statements.people).toBeLessThanOrEqual(3);
    expect(statements.training).toBeLessThanOrEqual(5);
  });

  it('narrows every panel to a city and a cause, and keeps the filter in the address', async () => {
    const { page } = await openDashboard();
    await page.selectOption('[data-testid="filter-city"]', 'Chengdu');
    await page.waitForFunction(() => location.hash.includes('city=Chengdu'));
    const expected = await organizationCount({ city: 'Chengdu' });
    await page.waitForFunction((n) => Number(document.querySelector('[data-kpi="organizations"] .value')?.textContent?.replace(/\D/g, '')) === n, expected, {
      timeout: 5000,
    });
    const jobCities = await page.locator('[data-testid="jobs"] .job').evaluateAll((items) => items.map((item) => item.textContent ?? ''));
    expect(jobCities.length).toBeGreaterThan(0);
    expect(jobCities.every((item) => item.includes('Chengdu'))).toBe(true);
    expect(await page.locator('[data-testid="flows-table"]').textContent()).not.toContain('Shanghai United Foundation');

    await page.selectOption('[data-testid="filter-cause"]', 'ELDERLY_CARE');
    await page.waitForFunction(() => location.hash.includes('cause=ELDERLY_CARE'));
    const { data } = await gql<{ sectorMap: { organizationCount: number } }>(
      `{ sectorMap(filter: { city: "Chengdu", causeAreas: [ELDERLY_CARE] }) { organizationCount } }`,
    );
    expect(data!.sectorMap.organizationCount).toBeLessThan(expected);
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-kpi="organizations"] .value')?.textContent?.replace(/\D/g, '')) === n,
      data!.sectorMap.organizationCount,
      { timeout: 5000 },
    );
    expect(await page.locator('#table-cause tr[data-key]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-key')))).toContain('ELDERLY_CARE');
    await page.context().close();

    const reopened = await openDashboard({ hash: '#city=Chengdu' });
    expect(await reopened.page.locator('[data-testid="filter-city"]').inputValue()).toBe('Chengdu');
    await reopened.page.context().close();
  });

  it('hides the records the seed invented with "Sourced records only", and keeps that choice in the address', async () => {
    const { page } = await openDashboard();
    const everything = await shownOrganizations(page);
    await page.check('[data-testid="filter-sourced"]');
    await page.waitForFunction(() => location.hash.includes('sourced=1'));
    const { data } = await gql<{ sectorMap: { organizationCount: number } }>(`{ sectorMap(filter: { illustrative: false }) { organizationCount } }`);
    expect(data!.sectorMap.organizationCount).toBeLessThan(everything);
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-kpi="organizations"] .value')?.textContent?.replace(/\D/g, '')) === n,
      data!.sectorMap.organizationCount,
      { timeout: 5000 },
    );
    // every seeded posting is invented: the panel shows only postings other tests made through the API
    const sourcedJobs = await gql<{ jobPostings: { nodes: { id: string }[] } }>(
      `{ jobPostings(first: 8, filter: { openNow: true, illustrative: false }) { nodes { id } } }`,
    );
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="jobs"] .job').length === n, sourcedJobs.data!.jobPostings.nodes.length, {
      timeout: 5000,
    });
    await page.context().close();

    const reopened = await openDashboard({ hash: '#sourced=1' });
    expect(await reopened.page.locator('[data-testid="filter-sourced"]').isChecked()).toBe(true);
    expect(await shownOrganizations(reopened.page)).toBe(data!.sectorMap.organizationCount);
    await reopened.page.click('#filter-reset');
    await reopened.page.waitForFunction(() => !location.hash.includes('sourced'));
    await reopened.page.waitForFunction(
      (n) => Number(document.querySelector('[data-kpi="organizations"] .value')?.textContent?.replace(/\D/g, '')) === n,
      everything,
      { timeout: 5000 },
    );
    expect(await reopened.page.locator('[data-testid="filter-sourced"]').isChecked()).toBe(false);
    await reopened.page.context().close();
  });

  // how soon a change arrives is measured by bench/subscriptions (commit to client, p50/p99), not timed here
  it("shows an organization created through the API in the live feed and in Chengdu's count", async () => {
    const { page } = await openDashboard();
    await page.waitForSelector('#connection[data-state="live"]', { timeout: 10_000 });
    await subscribersReady('sectorActivity', 1);
    const before = await cityCount(page, 'Chengdu');
    const kpiBefore = await shownOrganizations(page);
    const created = await createOrganization(`Dashboard Live NGO ${suffix()}`, '看板实时测试机构');
    await waitForFeed(page, created.name, 10_000);
    await page.waitForFunction(
      (count) => Number(document.querySelector('[data-chart="byCity"] tr[data-key="Chengdu"] td.count')?.textContent) >= count,
      before + 1,
      { timeout: 10_000 },
    );
    const entry = page.locator('[data-testid="feed"] .feed-item').filter({ hasText: created.name });
    expect(await entry.getAttribute('data-kind')).toBe('ORGANIZATION_CHANGED');
    expect(await shownOrganizations(page)).toBeGreaterThanOrEqual(kpiBefore + 1);
    await page.click('[data-testid="language"]');
    expect(await page.locator('[data-testid="feed"]').textContent()).toContain('看板实时测试机构');
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-live.png') });
    await page.context().close();
  });

  it('runs in production mode (its operations are trusted documents) and, after the gateway restarts, resumes after the last event it saw', async () => {
    const port = await freePort();
    const production = { HUB_MODE: 'production', RATE_LIMIT_PER_SECOND: '0', DATABASE_URL: process.env.TEST_DATABASE_URL! };
    let gateway = await startGatewayProcess(production, port);
    try {
      const origin = gateway.url.replace(/\/graphql$/, '');
      const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${origin}/dashboard`);
      await page.waitForSelector('body[data-loaded]', { timeout: 20_000 });
      expect(await page.locator('#notice').isHidden()).toBe(true);
      await page.waitForSelector('#connection[data-state="live"]', { timeout: 10_000 });
      await subscribersReady('sectorActivity', 1, gateway.url);

      const seen = await createOrganization(`Dashboard Resume Seen ${suffix()}`);
      await waitForFeed(page, seen.name);
      await gateway.stop();
      await page.waitForSelector('#connection[data-state="reconnecting"]', { timeout: 10_000 });
      const missed = await createOrganization(`Dashboard Resume Missed ${suffix()}`);
      gateway = await startGatewayProcess(production, port);
      await page.waitForSelector('#connection[data-state="live"]', { timeout: 20_000 });
      await waitForFeed(page, missed.name, 10_000);
      const entries = await page.locator('[data-testid="feed"] .feed-item').allTextContents();
      expect(entries.filter((entry) => entry.includes(seen.name))).toHaveLength(1);
      await context.close();
    } finally {
      await gateway.stop();
    }
  });

  it('keeps still for a reader who asks for less motion (prefers-reduced-motion): the live dot does not pulse', async () => {
    const still = await openDashboard();
    const moving = await openDashboard({ reducedMotion: 'no-preference' });
    const animation = async ({ page }: Opened) => {
      await page.waitForSelector('body[data-connection="live"]', { timeout: 10_000 });
      return page.locator('.pulse').evaluate((dot) => getComputedStyle(dot).animationName);
    };
    expect(await animation(still)).toBe('none');
    expect(await animation(moving)).toBe('pulse');
    await still.page.context().close();
    await moving.page.context().close();
  });

  it('fits a phone-width screen (375 px) in one column with no horizontal scrolling', async () => {
    const { page } = await openDashboard({ width: 375, height: 812 });
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      widest: Math.max(...[...document.querySelectorAll('.card, .kpi, .filters, .topbar')].map((element) => element.getBoundingClientRect().right)),
      cardLefts: new Set([...document.querySelectorAll('.grid > .card')].map((element) => Math.round(element.getBoundingClientRect().left))).size,
    }));
    expect(layout.scrollWidth).toBeLessThanOrEqual(375);
    expect(layout.widest).toBeLessThanOrEqual(375);
    expect(layout.cardLefts).toBe(1);
    // the charts drew into their narrow cards
    const chartWidth = await page.locator('#chart-city svg').evaluate((svg) => svg.getBoundingClientRect().width);
    expect(chartWidth).toBeGreaterThan(250);
    expect(chartWidth).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-phone.png'), fullPage: true });
    await page.context().close();
  });

  it("switches to Chinese: labels, enum names and organizations' Chinese names; a Chinese browser starts in Chinese", async () => {
    const { page } = await openDashboard({ hash: '#city=Chengdu&year=2012' });
    expect(await text(page, 'h1')).toBe('Sector dashboard');
    await page.click('[data-testid="language"]');
    expect(await text(page, 'h1')).toBe('公益行业看板');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await text(page, '[data-kpi="organizations"] .kpi-title')).toBe('机构');
    expect(await page.locator('[data-testid="flows-table"]').textContent()).toContain('成都社区居家养老服务中心');
    const jobs = await gql<{ jobPostings: { nodes: { title: string; titleZh: string | null }[] } }>(
      `{ jobPostings(first: 8, filter: { city: "Chengdu", openNow: true }) { nodes { title titleZh } } }`,
    );
    expect(await page.locator('[data-testid="jobs"] .job .item-title').allTextContents()).toEqual(
      jobs.data!.jobPostings.nodes.map((job) => job.titleZh ?? job.title),
    );
    expect(await page.locator('[data-testid="filter-city"] option[value="Chengdu"]').textContent()).toContain('成都');
    expect(await page.locator('#table-registration').textContent()).toContain('已备案');
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-chinese.png'), fullPage: true });
    await page.click('[data-testid="language"]');
    expect(await text(page, 'h1')).toBe('Sector dashboard');
    await page.context().close();

    const chinese = await openDashboard({ locale: 'zh-CN' });
    expect(await text(chinese.page, 'h1')).toBe('公益行业看板');
    await chinese.page.context().close();
  });

  it('sends a pasted API key as the Authorization header, kept for the tab only', async () => {
    const { page, requests } = await openDashboard();
    expect(requests.filter((request) => request.url === gatewayUrl()).every((request) => request.authorization === undefined)).toBe(true);
    await page.click('[data-testid="key-button"]');
    await page.fill('#key-input', 'e2e-dashboard-key');
    const sent = page.waitForRequest((request) => request.url() === gatewayUrl() && request.method() === 'POST');
    await page.click('#key-form button[type="submit"]');
    expect((await sent).headers().authorization).toBe('Bearer e2e-dashboard-key');
    expect(await page.evaluate(() => sessionStorage.getItem('ngohub.dashboard.authorization'))).toBe('Bearer e2e-dashboard-key');
    expect(await page.evaluate(() => localStorage.getItem('ngohub.dashboard.authorization'))).toBeNull();
    await page.context().close();
  });
});
