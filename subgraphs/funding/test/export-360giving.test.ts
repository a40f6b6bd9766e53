import { CauseArea, freePort, newId, openSubgraphOrm, runSubgraphCommand, seedId, startSubgraphProcess, type ChildService } from '@ngo-hub/kit';
import { createTestDatabase, type TestDatabase } from '@ngo-hub/kit/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fundingSubgraph } from '../src';
import { GrantStatus } from '../src/entities/grant';
import { JsonNumber, parseExactJson, stringifyExactJson } from '../src/three-sixty-giving/exact-json';
import { insertGrants } from './support/grants';
import { startFundingHub, type FundingHub } from './support/hub';

const CLI = join(__dirname, '..', 'dist', 'src', 'three-sixty-giving');
const CHENGDU_2012 = seedId('programme:chengdu-2012-purchase-of-services');
const EXPORT = `query($filter: GrantFilter, $first: Int, $after: String) {
  exportGrants360Giving(filter: $filter, first: $first, after: $after) { json grantCount totalCount pageInfo { hasNextPage endCursor } }
}`;

function cli(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { TS_JEST: _tsJest, ...rest } = process.env;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(CLI, script), ...args], { env: { ...rest, LOG_LEVEL: 'silent', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** What must survive a round trip: every grant's 360Giving id, amount, currency, dates and status, and the sums. */
async function fingerprint(orm: MikroORM) {
  const connection = orm.em.fork().getConnection();
  const [grants] = await connection.execute<{ grants: number; digest: string; organizations: number }[]>(
    `select count(*)::int as grants,
            md5(string_agg(concat_ws('|', identifier, amount::text, currency, award_date, planned_start_date, planned_end_date, status, title, cause_areas::text), ',' order by identifier)) as digest,
            (select count(*)::int from (select recipient_organization_id from funding.grant union select funding_organization_id from funding.grant) o) as organizations
     from funding.grant`,
  );
  const sums = await connection.execute<{ currency: string; status: string; grants: number; total: string }[]>(
    `select currency, status, count(*)::int as grants, sum(amount)::text as total from funding.grant group by currency, status order by currency, status`,
  );
  return { ...grants, sums };
}

describe('360Giving export (exportGrants360Giving, npm run export:360giving) and the round trip', () => {
  let hub: FundingHub;

  beforeAll(async () => {
    hub = await startFundingHub();
  });
  afterAll(() => hub?.stop());

  it("pages a programme's grants as 360Giving packages with exact amounts, org-ids, names from the directory and the hub's status", async () => {
    const grants: Record<string, unknown>[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const response: {
        data?: { exportGrants360Giving: { json: string; grantCount: number; totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string } } };
        errors?: unknown;
      } = await hub.funding.request(EXPORT, { filter: { programmeId: CHENGDU_2012 }, first: 3, after });
      expect(response.errors).toBeUndefined();
      const page = response.data!.exportGrants360Giving;
      expect(page.totalCount).toBe(4);
      const parsed = parseExactJson(page.json) as { grants: Record<string, unknown>[] };
      expect(parsed.grants).toHaveLength(page.grantCount);
      grants.push(...parsed.grants);
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(2);
    const elderly = grants.find((g) => g.id === '360G-chengdu-2012-001')!;
    expect(elderly).toEqual({
      id: '360G-chengdu-2012-001',
      title: '社区居家养老服务 (Community home-based elderly care)',
      description: expect.any(String),
      currency: 'CNY',
      amountAwarded: new JsonNumber('860000.00'),
      amountDisbursed: new JsonNumber('860000.00'),
      awardDate: '2012-04-20',
      plannedDates: [{ startDate: '2012-05-01', endDate: '2013-04-30' }],
      recipientOrganization: [
        { id: `360G-ngohub-org-${seedId('org:chengdu-community-elderly-care-center')}`, name: 'Chengdu Community Elderly Care Service Center' },
      ],
      fundingOrganization: [{ id: `360G-ngohub-org-${seedId('org:chengdu-municipal-government')}`, name: 'Chengdu Municipal Government' }],
      grantProgramme: [{ code: CHENGDU_2012, title: 'Chengdu purchase of services from social organizations (2012)' }],
      beneficiaryLocation: [{ name: 'Chengdu, Sichuan' }],
      classifications: [
        { vocabulary: 'NGOHub-CauseArea', code: 'ELDERLY_CARE', title: 'elderly care' },
        { vocabulary: 'NGOHub-CauseArea', code: 'COMMUNITY_DEVELOPMENT', title: 'community development' },
      ],
      // a grant made on the hub was last modified when the hub recorded it (360Giving readers sort by it)
      dateModified: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/),
      ngohubStatus: 'COMPLETED',
    });
    expect(grants.find((g) => g.id === '360G-chengdu-2012-003')!.amountAwarded).toEqual(new JsonNumber('286400.75'));
  });

  it('refuses a page over 1000 grants and a forged cursor', async () => {
    const big = await hub.funding.request(EXPORT, { first: 1001 });
    expect((big.errors as { extensions: unknown }[])[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await hub.funding.request(EXPORT, { after: Buffer.from('["x","y"]').toString('base64url') });
    expect((forged.errors as { extensions: unknown }[])[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  describe('round trip into an empty hub', () => {
    let dir: string;
    let target: TestDatabase;
    let organizations: ChildService;
    let orm: MikroORM;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'ngohub-export-'));
      target = await createTestDatabase('ngohub_roundtrip');
      const env = { ...process.env, DATABASE_URL: target.url, LOG_LEVEL: 'warn' };
      await runSubgraphCommand('organizations', 'migrate', env);
      organizations = await startSubgraphProcess('organizations', await freePort(), env);
    });
    afterAll(async () => {
      await orm?.close();
      await organizations?.stop();
      await target?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('gives the same grants, counts and sums per currency after export → import, thousands of grants and every status included', async () => {
      await insertGrants(
        hub,
        Array.from({ length: 2500 }, (_, i) => ({
          amount: `${1 + (i % 997)}.${String(i % 100).padStart(2, '0')}`,
          currency: ['CNY', 'GBP', 'USD'][i % 3],
          awardDate: `20${10 + (i % 8)}-0${1 + (i % 9)}-1${i % 10}`,
          status: Object.values(GrantStatus)[i % 5],
          causeAreas: i % 4 ? [] : [CauseArea.HEALTH, CauseArea.EDUCATION],
        })),
      );
      const file = join(dir, 'export.json');
      const exported = await cli('export-cli.js', [file], { DATABASE_URL: process.env.TEST_DATABASE_URL!, ORGANIZATIONS_URL: hub.organizations.url });
      expect(exported.code).toBe(0);
      const source = await fingerprint(hub.funding.running.orm);
      expect(exported.stderr).toContain(`wrote ${source.grants} grants`);
      expect(source.grants).toBeGreaterThan(2500);

      const imported = await cli('import-cli.js', [file], { DATABASE_URL: target.url, ORGANIZATIONS_URL: organizations.url });
      expect(imported.stderr).not.toContain('failed');
      expect(imported.code).toBe(0);
      expect(imported.stdout).toMatch(new RegExp(`added\\s+${source.grants}\\b`));

      orm = await openSubgraphOrm(fundingSubgraph, target.url);
      expect(await fingerprint(orm)).toEqual(source);

      const again = await cli('import-cli.js', [file], { DATABASE_URL: target.url, ORGANIZATIONS_URL: organizations.url });
      expect(again.stdout).toMatch(/added\s+0\b/);
      expect(again.stdout).toMatch(new RegExp(`unchanged\\s+${source.grants}\\b`));
      expect(again.stdout).toMatch(/organizations\s+0 created/);
      expect(await fingerprint(orm)).toEqual(source);
      expect(JSON.parse(readFileSync(file, 'utf8')).grants).toHaveLength(source.grants);
    }, 180_000);

    it("writes real publishers' grants as CSV and JSON that meet the 360Giving rules and import back identically, addresses, dates and zero amounts included", async () => {
      const tag = newId().slice(0, 8);
      const funder = `360G-RT${tag}`;
      const grants = [1, 2, 3, 4].map((n) => ({
        id: `360G-RT${tag}-${n}`,
        title: `Round trip ${n}, "quoted"`,
        description: n === 1 ? 'Line one\nline two' : undefined,
        currency: n === 4 ? 'USD' : 'GBP',
        amountAwarded: n === 2 ? 0 : `${n}000.${n}5`,
        amountDisbursed: n === 1 ? '500.50' : undefined,
        amountAppliedFor: n === 1 ? '1200' : undefined,
        awardDate: `0${n}/11/2019`.replace('01/11', '13/11'),
        plannedDates: [{ startDate: '2019-12-01', endDate: '2020-11-30', duration: '12' }],
        dateModified: '2020-01-15T10:00:00Z',
        recipientOrganization: [
          {
            id: n === 3 ? `360G-RT${tag}-org-haifa` : `GB-CHC-RT${tag}`,
            name: n === 3 ? 'Haifa Music' : 'Round Trip Charity',
            streetAddress: '1 High Street',
            addressLocality: n === 3 ? 'Haifa' : 'York',
            addressRegion: 'North',
            postalCode: 'YO1 7HH',
            addressCountry: n === 3 ? 'Israel' : 'United Kingdom',
          },
        ],
        fundingOrganization: [{ id: funder, name: `Round Trip Foundation ${tag}` }],
        grantProgramme: [{ code: 'RT', title: 'Round Trip Programme', url: 'https://example.org/rt' }],
        beneficiaryLocation: [{ name: 'York', geoCode: 'E06000014', geoCodeType: 'LAUA' }, { name: 'Leeds' }],
        classifications: [{ vocabulary: 'RT-themes', code: 'A', title: 'Arts' }, { title: 'Older people' }, { title: 'Health' }],
        fromOpenCall: 'Yes',
        additional_data: { note: `grant ${n}`, exact: new JsonNumber('12345678901234567.25') },
      }));
      const sourceFile = join(dir, `rt-${tag}.json`);
      writeFileSync(sourceFile, stringifyExactJson({ grants }));
      const env = { DATABASE_URL: process.env.TEST_DATABASE_URL!, ORGANIZATIONS_URL: hub.organizations.url };
      expect(await cli('import-cli.js', [sourceFile], env)).toMatchObject({ code: 0 });
      const em = hub.funding.running.orm.em.fork();
      const [{ funding_organization_id: funderId }] = await em
        .getConnection()
        .execute(`select funding_organization_id from funding.grant where identifier = ?`, [`360G-RT${tag}-1`]);

      const csvFile = join(dir, `rt-${tag}.csv`);
      const jsonFile = join(dir, `rt-${tag}-export.json`);
      expect(await cli('export-cli.js', [csvFile, '--funder', funderId], env)).toMatchObject({
        code: 0,
        stderr: expect.stringContaining('wrote 4 grants as 360Giving CSV'),
      });
      expect(await cli('export-cli.js', [jsonFile, '--funder', funderId], env)).toMatchObject({ code: 0 });

      // the 360Giving schema's rules, asserted here: required fields, types, date and identifier formats
      const ORG_ID = /^(360G-\S+|[A-Z]{2}-[A-Z0-9]+-\S+)$/;
      const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
      const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
      const rows = parseCsv(readFileSync(csvFile), { columns: true, bom: true }) as Record<string, string>[];
      expect(rows).toHaveLength(4);
      for (const column of [
        'Identifier',
        'Title',
        'Currency',
        'Amount Awarded',
        'Award Date',
        'Recipient Org:Identifier',
        'Recipient Org:Name',
        'Funding Org:Identifier',
        'Funding Org:Name',
      ]) {
        for (const row of rows) expect(row[column]).toBeTruthy();
      }
      for (const row of rows) {
        expect(row.Identifier).toMatch(/^360G-\S+$/);
        expect(row.Currency).toMatch(/^[A-Z]{3}$/);
        expect(row['Amount Awarded']).toMatch(/^\d+(\.\d+)?$/);
        expect(row['Award Date']).toMatch(ISO_DATE);
        expect(row['Planned Dates:Start Date']).toMatch(ISO_DATE);
        expect(row['Last Modified']).toMatch(ISO_DATE_TIME);
        expect(row['Recipient Org:Identifier']).toMatch(ORG_ID);
        expect(row['Funding Org:Identifier']).toMatch(ORG_ID);
      }
      expect(rows.find((r) => r.Identifier === `360G-RT${tag}-1`)).toMatchObject({
        'Amount Disbursed': '500.50',
        'Award Date': '2019-11-13',
        'Recipient Org:Street Address': '1 High Street',
        'Recipient Org:Country': 'United Kingdom',
        'Beneficiary Location:1:Name': 'Leeds',
        'Classifications:2:Title': 'Health',
        'Grant Programme:URL': 'https://example.org/rt',
        Description: 'Line one\nline two',
      });
      const exported = (parseExactJson(readFileSync(jsonFile, 'utf8')) as { grants: Record<string, unknown>[] }).grants;
      expect(exported).toHaveLength(4);
      for (const grant of exported) {
        for (const field of ['id', 'title', 'currency', 'amountAwarded', 'awardDate', 'recipientOrganization', 'fundingOrganization'])
          expect(grant[field]).toBeDefined();
        expect(grant.amountAwarded).toBeInstanceOf(JsonNumber);
        expect(grant.awardDate).toMatch(ISO_DATE);
        expect(grant.dateModified).toMatch(ISO_DATE_TIME);
        const [recipient] = grant.recipientOrganization as { id: string; name: string }[];
        expect(recipient.id).toMatch(ORG_ID);
        expect(typeof recipient.name).toBe('string');
      }

      // into the empty hub: the CSV first, then the JSON (which also carries additional_data)
      const targetEnv = { DATABASE_URL: target.url, ORGANIZATIONS_URL: organizations.url };
      const csvImport = await cli('import-cli.js', [csvFile], targetEnv);
      expect(csvImport.stdout).toMatch(/added\s+4\b/);
      expect(csvImport.code).toBe(0);
      orm ??= await openSubgraphOrm(fundingSubgraph, target.url);
      const COMPARED = `select identifier, title, description, amount::text, currency, award_date::text, planned_start_date::text, planned_end_date::text, planned_duration,
          published_amount_disbursed::text, date_modified, beneficiary_location, cause_areas::text, status,
          published::jsonb->'recipientOrganization' as recipient, published::jsonb->'beneficiaryLocation' as locations,
          published::jsonb->'classifications' as classifications, published::jsonb->'grantProgramme' as programme, published::jsonb->'fromOpenCall' as open_call
        from funding.grant where identifier like ? order by identifier`;
      const original = await hub.funding.running.orm.em
        .fork()
        .getConnection()
        .execute(COMPARED, [`360G-RT${tag}-%`]);
      expect(original).toHaveLength(4);
      expect(
        await orm.em
          .fork()
          .getConnection()
          .execute(COMPARED, [`360G-RT${tag}-%`]),
      ).toEqual(original);

      const jsonImport = await cli('import-cli.js', [jsonFile], targetEnv);
      expect(jsonImport.code).toBe(0);
      const WITH_DATA = `select identifier, additional_data from funding.grant where identifier like ? order by identifier`;
      expect(
        await orm.em
          .fork()
          .getConnection()
          .execute(WITH_DATA, [`360G-RT${tag}-%`]),
      ).toEqual(
        await hub.funding.running.orm.em
          .fork()
          .getConnection()
          .execute(WITH_DATA, [`360G-RT${tag}-%`]),
      );
      expect(
        await orm.em
          .fork()
          .getConnection()
          .execute(COMPARED, [`360G-RT${tag}-%`]),
      ).toEqual(original);
    }, 120_000);
  });
});
