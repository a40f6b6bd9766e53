import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { gatewayUrl, gql } from './setup/hub';

// The sector dashboard in Debian's Chromium (never a downloaded browser), against the real hub.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
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
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function openDashboard(options: { width?: number; height?: number; locale?: string; hash?: string } = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1440, height: options.height ?? 1000 }, locale: options.locale ?? 'en-US' });
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

async function organizationCount(filter?: { city: string }): Promise<number> {
  const { data, errors } = await gql<{ sectorMap: { organizationCount: number } }>(`query($filter: SectorMapFilter) { sectorMap(filter: $filter) { organizationCount } }`, { filter });
  expect(errors).toBeUndefined();
  return data!.sectorMap.organizationCount;
}

async function chengduCount(): Promise<number> {
  const { data } = await gql<{ sectorMap: { byCity: { key: string | null; count: number }[] } }>(`{ sectorMap { byCity { key count } } }`);
  return data!.sectorMap.byCity.find((row) => row.key === 'Chengdu')!.count;
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

  it('shows the seed sector with one GraphQL request: Chengdu\'s organizations, funders, cohorts, open jobs and courses', async () => {
    const before = { all: await organizationCount(), chengdu: await chengduCount() };
    const jobs = await gql<{ jobPostings: { nodes: { title: string }[] } }>(`{ jobPostings(first: 20, filter: { openNow: true }) { nodes { title } } }`);
    const { page, requests, errors } = await openDashboard();
    const after = { all: await organizationCount(), chengdu: await chengduCount() };

    const shownChengdu = await cityCount(page, 'Chengdu');
    expect(shownChengdu).toBeGreaterThanOrEqual(before.chengdu);
    expect(shownChengdu).toBeLessThanOrEqual(after.chengdu);
    const shownAll = Number((await text(page, '[data-kpi="organizations"] .value')).replace(/\D/g, ''));
    expect(shownAll).toBeGreaterThanOrEqual(before.all);
    expect(shownAll).toBeLessThanOrEqual(after.all);

    expect(await page.locator('[data-testid="flows-table"]').textContent()).toContain('Chengdu Civil Affairs Bureau');
    expect(await page.locator('[data-testid="incubation"]').textContent()).toContain('Chengdu NGO Service Park Incubation Programme');
    const jobList = (await page.locator('[data-testid="jobs"]').textContent()) ?? '';
    expect(jobs.data!.jobPostings.nodes.some((job) => jobList.includes(job.title))).toBe(true);
    expect(jobList).toContain('Volunteer tutor');
    expect(await page.locator('[data-testid="courses"]').textContent()).toContain('Spread Your Wings');

    // only the public API on the same origin, and one combined query for the whole page
    expect(requests.every((request) => request.url.startsWith(base()))).toBe(true);
    const queries = requests.filter((request) => request.method === 'POST' && request.url === gatewayUrl());
    expect(queries).toHaveLength(1);
    expect(requests.filter((request) => request.method === 'POST').every((request) => request.url === gatewayUrl())).toBe(true);
    expect(errors).toEqual([]);
    await page.waitForTimeout(400); // let the charts' entry animation finish
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-desktop.png'), fullPage: true });
    await page.context().close();
  });

  it('narrows every panel to a city, and keeps the filter in the address', async () => {
    const { page } = await openDashboard();
    await page.selectOption('[data-testid="filter-city"]', 'Chengdu');
    await page.waitForFunction(() => location.hash.includes('city=Chengdu'));
    const expected = await organizationCount({ city: 'Chengdu' });
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-kpi="organizations"] .value')?.textContent?.replace(/\D/g, '')) === n,
      expected,
      { timeout: 5000 },
    );
    const jobCities = await page.locator('[data-testid="jobs"] .job').evaluateAll((items) => items.map((item) => item.textContent ?? ''));
    expect(jobCities.length).toBeGreaterThan(0);
    expect(jobCities.every((item) => item.includes('Chengdu'))).toBe(true);
    expect(await page.locator('[data-testid="flows-table"]').textContent()).not.toContain('Shanghai United Foundation');
    await page.context().close();

    const reopened = await openDashboard({ hash: '#city=Chengdu' });
    expect(await reopened.page.locator('[data-testid="filter-city"]').inputValue()).toBe('Chengdu');
    await reopened.page.context().close();
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
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-phone.png'), fullPage: true });
    await page.context().close();
  });

  it('switches to Chinese: labels, enum names and organizations\' Chinese names; a Chinese browser starts in Chinese', async () => {
    const { page } = await openDashboard();
    expect(await text(page, 'h1')).toBe('Sector dashboard');
    await page.click('[data-testid="language"]');
    expect(await text(page, 'h1')).toBe('公益行业看板');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await text(page, '[data-kpi="organizations"] .kpi-title')).toBe('机构');
    expect(await page.locator('[data-testid="flows-table"]').textContent()).toContain('成都市民政局');
    expect(await page.locator('[data-testid="jobs"]').textContent()).toContain('志愿辅导老师');
    expect(await page.locator('[data-testid="filter-city"] option[value="Chengdu"]').textContent()).toContain('成都');
    expect(await page.locator('#table-registration').textContent()).toContain('已备案');
    await page.waitForTimeout(400);
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
