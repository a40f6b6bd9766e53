import { gatewayUrl, must, gql } from './setup/hub';
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
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
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

  it('downloads a city\'s organizations as UTF-8 CSV with a BOM, Chinese names intact, every page of them', async () => {
    const city = `Csv City ${tag}`;
    const ids = await createOrganizations(
      Array.from({ length: 130 }, (_, i) => ({ name: `Csv NGO ${tag} ${String(i).padStart(3, '0')}`, nameZh: `测试公益组织${i}`, kind: i % 2 ? 'NGO' : 'FOUNDATION', city, causeAreas: ['ELDERLY_CARE', 'EDUCATION'] })),
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

  it('carries each record\'s provenance and takes the illustrative filter: the seed\'s invented records apart from sourced ones', async () => {
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
    const graphql = await must<{ organizations: { nodes: { id: string }[] } }>(`query($city: String) { organizations(filter: { city: $city, kinds: [NGO, FOUNDATION] }, first: 100) { nodes { id } } }`, { city });
    expect(rows.map((row) => row[header.indexOf('id')]).sort()).toEqual(graphql.organizations.nodes.map((node) => node.id).sort());
    expect(rows).toHaveLength(2);
  });

  it('lists only what the caller may see: people\'s public profile, never contact details or private profiles', async () => {
    const city = `Csv People City ${tag}`;
    for (const [name, visibility] of [[`Csv Public ${tag}`, 'PUBLIC'], [`Csv Private ${tag}`, 'PRIVATE']]) {
      await must(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }`, { input: { name, city, visibility, email: `${visibility.toLowerCase()}-${tag}@example.org`, phone: '+86 28 1234 5678', skills: ['case management'] } });
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
    for (const [amount, currency] of [['1000.50', 'CNY'], ['250.25', 'CNY'], ['99.99', 'GBP']]) {
      await must(`mutation($input: AwardGrantInput!) { awardGrant(input: $input) { grant { id } } }`, {
        input: { title: `Csv grant ${tag}`, fundingOrganizationId: funder, recipientOrganizationId: recipient, amountAwarded: { amount, currency }, awardDate: '2024-05-01' },
      });
    }
    const { text } = await download(`/export/funding-flows.csv?city=${encodeURIComponent(city)}`);
    const [header, ...rows] = parseCsv(text.slice(1));
    const pick = (row: string[], column: string) => row[header.indexOf(column)];
    expect(rows.map((row) => [pick(row, 'funder'), pick(row, 'recipient'), pick(row, 'grantCount'), pick(row, 'currency'), pick(row, 'amount')]).sort()).toEqual([
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
