import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gatewayUrl, must, gql, subgraphUrl } from './setup/hub';
import { adminHeaders } from './setup/identities';

// CSV downloads for analysts: the same lists, filters and authorization as the GraphQL fields.
const exportUrl = (path: string) => gatewayUrl().replace(/\/graphql$/, path);

async function download(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(exportUrl(path), { headers });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes, text: bytes.toString('utf8') };
}

/** A minimal RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF or LF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

async function createOrganizations(inputs: Record<string, unknown>[]): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < inputs.length; start += 40) {
    const chunk = inputs.slice(start, start + 40);
    const data = await must<Record<string, { organization: { id: string } }>>(
      `mutation(${chunk.map((_, i) => `$o${i}: CreateOrganizationInput!`).join(', ')}) { ${chunk.map((_, i) => `o${i}: createOrganization(input: $o${i}) { organization { id } }`).join(' ')} }`,
      Object.fromEntries(chunk.map((input, i) => [`o${i}`, input])),
    );
    ids.push(...chunk.map((_, i) => data[`o${i}`].organization.id));
  }
  return ids;
}

describe('partners: CSV downloads of any list a caller may read', () => {
  const tag = Math.random().toString(36).slice(2, 8);

  it("downloads a city's organizations as UTF-8 CSV with a BOM, Chinese names intact, every page of them", async () => {
    const city = `Csv City ${tag}`;
    const ids = await createOrganizations(
      Array.from({ length: 130 }, (_, i) => ({
        name: `Csv NGO ${tag} ${String(i).padStart(3, '0')}`,
        nameZh: `测试公益组织${i}`,
        kind: i % 2 ? 'NGO' : 'FOUNDATION',
        city,
        causeAreas: ['ELDERLY_CARE', 'EDUCATION'],
      })),
    );
    const { response, bytes, text } = await download(`/export/organizations.csv?city=${encodeURIComponent(city)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="organizations.csv"');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(expect.arrayContaining(['id', 'name', 'nameZh', 'kind', 'causeAreas', 'city', 'registrationStatus']));
    expect(rows).toHaveLength(130); // past the 100 of one GraphQL page
    expect(new Set(rows.map((row) => row[header.indexOf('id')]))).toEqual(new Set(ids));
    const first = rows.find((row) => row[header.indexOf('name')] === `Csv NGO ${tag} 000`)!;
    expect(first[header.indexOf('nameZh')]).toBe('测试公益组织0');
    expect(first[header.indexOf('causeAreas')]).toBe('ELDERLY_CARE; EDUCATION');
    expect(first[header.indexOf('registrationStatus')]).toBe('UNREGISTERED');
    expect([first[header.indexOf('provenance')], first[header.indexOf('illustrative')]]).toEqual(['API', 'false']);
  });

  it("carries each record's provenance and takes the illustrative filter: the seed's invented records apart from sourced ones", async () => {
    const invented = parseCsv((await download('/export/organizations.csv?illustrative=true')).text.slice(1));
    const sourced = parseCsv((await download('/export/organizations.csv?illustrative=false&city=Chengdu')).text.slice(1));
    const column = (rows: string[][], name: string) => rows.slice(1).map((row) => row[rows[0].indexOf(name)]);
    expect(column(invented, 'illustrative').length).toBeGreaterThan(0);
    expect(new Set(column(invented, 'illustrative'))).toEqual(new Set(['true']));
    expect(new Set(column(sourced, 'illustrative'))).toEqual(new Set(['false']));
    // the Service Park is stated by its article: a SEED record naming its source
    const park = sourced.slice(1).find((row) => row[sourced[0].indexOf('nameZh')] === '成都公益组织服务园')!;
    expect(park[sourced[0].indexOf('provenance')]).toBe('SEED');
    expect(park[sourced[0].indexOf('source')]).toMatch(/Win-Win/);
  });

  it('filters exactly as the GraphQL field does, lists given comma-separated', async () => {
    const city = `Csv Filter City ${tag}`;
    await createOrganizations([
      { name: `Csv Filter NGO ${tag}`, kind: 'NGO', city },
      { name: `Csv Filter Foundation ${tag}`, kind: 'FOUNDATION', city },
      { name: `Csv Filter Company ${tag}`, kind: 'COMPANY', city },
    ]);
    const { text } = await download(`/export/organizations.csv?city=${encodeURIComponent(city)}&kinds=NGO,FOUNDATION`);
    const [header, ...rows] = parseCsv(text.slice(1));
    const graphql = await must<{ organizations: { nodes: { id: string }[] } }>(
      `query($city: String) { organizations(filter: { city: $city, kinds: [NGO, FOUNDATION] }, first: 100) { nodes { id } } }`,
      { city },
    );
    expect(rows.map((row) => row[header.indexOf('id')]).sort()).toEqual(graphql.organizations.nodes.map((node) => node.id).sort());
    expect(rows).toHaveLength(2);
  });

  it("lists only what the caller may see: people's public profile, never contact details or private profiles", async () => {
    const city = `Csv People City ${tag}`;
    for (const [name, visibility] of [
      [`Csv Public ${tag}`, 'PUBLIC'],
      [`Csv Private ${tag}`, 'PRIVATE'],
    ]) {
      await must(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`, {
        input: { name, city, visibility, email: `${visibility.toLowerCase()}-${tag}@example.org`, phone: '+86 28 1234 5678', skills: ['case management'] },
      });
    }
    const { text } = await download(`/export/people.csv?city=${encodeURIComponent(city)}`);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).not.toEqual(expect.arrayContaining(['email']));
    expect(text).not.toContain('@example.org');
    expect(text).not.toContain('1234 5678');
    expect(rows.map((row) => row[header.indexOf('name')])).toEqual([`Csv Public ${tag}`]);
  });

  it('gives one row per funding flow and currency, as fundingFlows sums them', async () => {
    const city = `Csv Flow City ${tag}`;
    const [funder, recipient] = await createOrganizations([
      { name: `Csv Funder ${tag}`, kind: 'FOUNDATION', city },
      { name: `Csv Recipient ${tag}`, kind: 'NGO', city },
    ]);
    for (const [amount, currency] of [
      ['1000.50', 'CNY'],
      ['250.25', 'CNY'],
      ['99.99', 'GBP'],
    ]) {
      await must(`mutation($input: AwardGrantInput!) { awardGrant(input: $input) { grant { id } } }`, {
        input: {
          title: `Csv grant ${tag}`,
          fundingOrganizationId: funder,
          recipientOrganizationId: recipient,
          amountAwarded: { amount, currency },
          awardDate: '2024-05-01',
        },
      });
    }
    const { text } = await download(`/export/funding-flows.csv?city=${encodeURIComponent(city)}`);
    const [header, ...rows] = parseCsv(text.slice(1));
    const pick = (row: string[], column: string) => row[header.indexOf(column)];
    expect(
      rows.map((row) => [pick(row, 'funder'), pick(row, 'recipient'), pick(row, 'grantCount'), pick(row, 'currency'), pick(row, 'amount')]).sort(),
    ).toEqual([
      [`Csv Funder ${tag}`, `Csv Recipient ${tag}`, '3', 'CNY', '1250.75'],
      [`Csv Funder ${tag}`, `Csv Recipient ${tag}`, '3', 'GBP', '99.99'],
    ]);
  });

  it('downloads courses with the course filters', async () => {
    const { response, text } = await download('/export/courses.csv?kinds=WORKSHOP,COURSE');
    expect(response.status).toBe(200);
    const [header, ...rows] = parseCsv(text.slice(1));
    const graphql = await gql<{ courses: { totalCount: number } }>(`{ courses(filter: { kinds: [WORKSHOP, COURSE] }) { totalCount } }`);
    expect(rows).toHaveLength(graphql.data!.courses.totalCount);
    expect(rows.every((row) => ['WORKSHOP', 'COURSE'].includes(row[header.indexOf('kind')]))).toBe(true);
  });

  describe('grants in the 360Giving spreadsheet layout (GET /export/grants.csv)', () => {
    const funderOrgId = `GB-CHC-${Date.now() % 10_000_000}`;
    const recipientOrgId = `GB-COH-${tag.toUpperCase()}01`;
    let funder: string;
    let recipient: string;

    beforeAll(async () => {
      [funder, recipient] = await createOrganizations([
        { name: `Csv 360 Funder ${tag}`, kind: 'FOUNDATION', orgIds: [funderOrgId] },
        { name: `Csv 360 Recipient ${tag}`, nameZh: `测试受助机构${tag}`, kind: 'NGO', orgIds: [recipientOrgId] },
      ]);
      for (const [amount, currency, awardDate] of [
        ['1000.50', 'GBP', '2024-05-01'],
        ['5.00', 'GBP', '2024-06-30'],
        ['250000.25', 'CNY', '2024-01-15'],
        ['12.00', 'GBP', '2023-12-31'],
      ]) {
        await must(`mutation($input: AwardGrantInput!) { awardGrant(input: $input) { grant { id } } }`, {
          input: {
            title: `Csv 360 grant ${tag} ${awardDate}`,
            fundingOrganizationId: funder,
            recipientOrganizationId: recipient,
            amountAwarded: { amount, currency },
            awardDate,
            causeAreas: ['EDUCATION'],
          },
        });
      }
    });

    it("serves a funder's grants of a year, found by org-id, with the standard's column titles and its rules met", async () => {
      const { response, bytes, text } = await download(`/export/grants.csv?funderOrgId=${funderOrgId}&year=2024`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="grants.csv"');
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = parseCsv(text.slice(1));
      for (const title of [
        'Identifier',
        'Title',
        'Currency',
        'Amount Awarded',
        'Award Date',
        'Recipient Org:Identifier',
        'Recipient Org:Name',
        'Funding Org:Identifier',
        'Funding Org:Name',
        'Last Modified',
      ]) {
        expect(header).toContain(title);
      }
      const cell = (row: string[], title: string) => row[header.indexOf(title)];
      expect(rows.map((row) => [cell(row, 'Currency'), cell(row, 'Amount Awarded'), cell(row, 'Award Date')]).sort()).toEqual(
        [
          ['CNY', '250000.25', '2024-01-15'],
          ['GBP', '5.00', '2024-06-30'],
          ['GBP', '1000.50', '2024-05-01'],
        ].sort(),
      );
      // the 360Giving schema's rules, checked here rather than trusted
      const identifiers = rows.map((row) => cell(row, 'Identifier'));
      expect(new Set(identifiers).size).toBe(rows.length);
      for (const row of rows) {
        expect(cell(row, 'Identifier')).toMatch(/^[A-Za-z0-9]+-[A-Za-z0-9]+-\S+/);
        expect(cell(row, 'Title')).not.toBe('');
        expect(cell(row, 'Currency')).toMatch(/^[A-Z]{3}$/);
        expect(Number.isFinite(Number(cell(row, 'Amount Awarded')))).toBe(true);
        expect(cell(row, 'Award Date')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(cell(row, 'Funding Org:Identifier')).toBe(funderOrgId);
        expect(cell(row, 'Funding Org:Name')).toBe(`Csv 360 Funder ${tag}`);
        expect(cell(row, 'Recipient Org:Identifier')).toBe(recipientOrgId);
        expect(cell(row, 'Last Modified')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      }
      const graphql = await gql<{ grants: { totalCount: number } }>(`query($o: String!) { grants(filter: { funderOrgId: $o, year: 2024 }) { totalCount } }`, {
        o: funderOrgId,
      });
      expect(graphql.data!.grants.totalCount).toBe(rows.length);
    });

    it('is the file `npm run export:360giving -- FILE.csv` writes for the same filter, byte for byte (which imports back identically)', async () => {
      const { text } = await download(`/export/grants.csv?recipientOrgId=${recipientOrgId}`);
      const cli = await promisify(execFile)(
        process.execPath,
        [
          join(__dirname, '..', 'subgraphs', 'funding', 'dist', 'src', 'three-sixty-giving', 'export-cli.js'),
          '-',
          '--format',
          'csv',
          '--recipient-org-id',
          recipientOrgId,
        ],
        {
          env: {
            PATH: process.env.PATH,
            DATABASE_URL: process.env.TEST_DATABASE_URL,
            ORGANIZATIONS_URL: subgraphUrl('organizations'),
            GATEWAY_SECRET: process.env.GATEWAY_SECRET,
            NGOHUB_DATA_DIR: join(__dirname, 'no-such-hub'),
            LOG_LEVEL: 'silent',
          },
        },
      );
      expect(cli.stderr).toContain('wrote 4 grants');
      expect(text.slice(1)).toBe(cli.stdout);
    });

    it('answers an org-id nobody has with the header alone, and a bad filter with BAD_USER_INPUT', async () => {
      const none = await download('/export/grants.csv?funderOrgId=GB-CHC-0000000000');
      expect(none.response.status).toBe(200);
      expect(parseCsv(none.text.slice(1))).toHaveLength(1);
      const bad = await download('/export/grants.csv?year=twenty');
      expect(bad.response.status).toBe(400);
      expect(JSON.parse(bad.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    });
  });

  it.each([
    ['/export/organizations.csv?colour=blue', 400, 'BAD_USER_INPUT', /unknown filter "colour"/],
    ['/export/organizations.csv?kinds=SPACESHIP', 400, 'BAD_USER_INPUT', /SPACESHIP/],
    ['/export/secrets.csv', 404, 'NOT_FOUND', /\/export\/organizations\.csv/],
  ])('answers %s with %i %s, never a 500', async (path, status, code, message) => {
    const { response, text } = await download(path);
    expect(response.status).toBe(status);
    const body = JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe(code);
    expect(body.errors[0].message).toMatch(message);
  });

  it('refuses a bad credential as UNAUTHENTICATED, and serves a good one', async () => {
    const bad = await download('/export/organizations.csv?city=Chengdu', { 'x-api-key': 'ngo_not-a-key' });
    expect(bad.response.status).toBe(401);
    expect(JSON.parse(bad.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const good = await download('/export/organizations.csv?city=Chengdu', adminHeaders());
    expect(good.response.status).toBe(200);
    expect(parseCsv(good.text.slice(1)).length).toBeGreaterThan(1);
  });
});
