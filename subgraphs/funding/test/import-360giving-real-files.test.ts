import { newId, SubgraphClient } from '@ngo-hub/kit';
import { asAdmin, asService, identityHeaders } from '@ngo-hub/kit/testing';
import ExcelJS from 'exceljs';
import { OrganizationDirectory } from '../src/services/organization-directory';
import { bufferSource, type GrantFormat } from '../src/three-sixty-giving/grant-source';
import { import360Giving, type ImportOptions, type ImportReport } from '../src/three-sixty-giving/importer';
import { startFundingHub, type FundingHub } from './support/hub';

/**
 * Files in the shapes real 360Giving publishers write (GrantNav exports, foundations' own CSV and
 * XLSX): dates as they come, zero amounts, addresses, additional_data, a changed re-import. Every
 * figure is read back through the GraphQL API.
 */

const GRANT_FIELDS = `identifier title awardDate plannedStartDate plannedEndDate plannedDuration dateModified status
  amountAwarded { amount currency } publishedAmountDisbursed { amount currency }
  recipient { id } funder { id }
  provenance { kind illustrative sourcePublisher sourceFile sourceModifiedAt recordedAt }
  recipientAsPublished { orgId name charityNumber companyNumber streetAddress locality region postalCode country url }
  funderAsPublished { orgId name country }
  beneficiaryLocations { name countryCode geoCode geoCodeType }
  classifications { vocabulary code title }
  grantProgramme { code title url }
  causeAreas additionalData`;

interface GrantNode {
  identifier: string;
  title: string;
  awardDate: string;
  plannedStartDate: string | null;
  plannedEndDate: string | null;
  plannedDuration: number | null;
  dateModified: string | null;
  provenance: {
    kind: string;
    illustrative: boolean;
    sourcePublisher: string | null;
    sourceFile: string | null;
    sourceModifiedAt: string | null;
    recordedAt: string | null;
  };
  amountAwarded: { amount: string; currency: string };
  publishedAmountDisbursed: { amount: string; currency: string } | null;
  recipient: { id: string };
  funder: { id: string };
  recipientAsPublished: Record<string, string | null>;
  funderAsPublished: Record<string, string | null>;
  beneficiaryLocations: Record<string, string | null>[];
  classifications: Record<string, string | null>[];
  grantProgramme: Record<string, string | null> | null;
  causeAreas: string[];
  additionalData: string | null;
}

/** Sums per currency, exact: decimal strings added as integers of minor units. */
function sumsOf(nodes: GrantNode[]): Record<string, string> {
  const cents = new Map<string, bigint>();
  for (const { amountAwarded } of nodes) {
    const [whole, fraction = ''] = amountAwarded.amount.split('.');
    cents.set(amountAwarded.currency, (cents.get(amountAwarded.currency) ?? 0n) + BigInt(whole + fraction.padEnd(2, '0').slice(0, 2)));
  }
  return Object.fromEntries([...cents].map(([currency, total]) => [currency, `${total / 100n}.${String(total % 100n).padStart(2, '0')}`]));
}

describe("360Giving import of real publishers' files (JSON, CSV, XLSX)", () => {
  let hub: FundingHub;
  let directory: OrganizationDirectory;

  const run = (content: string | Buffer, format: GrantFormat, options: ImportOptions = {}): Promise<ImportReport> =>
    import360Giving(hub.funding.running.orm.em.fork(), directory, bufferSource(content, format), options);

  async function organizations<T>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<{ data?: T; errors?: { message: string; extensions: Record<string, unknown> }[] }> {
    const response = await fetch(hub.organizations.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await identityHeaders(asAdmin())) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as never;
  }

  async function organizationByOrgId(orgId: string) {
    const { data, errors } = await organizations<{
      organization: { id: string; name: string; country: string | null; orgId: string; orgIds: string[] } | null;
    }>('query($orgId: String) { organization(orgId: $orgId) { id name country orgId orgIds } }', { orgId });
    expect(errors).toBeUndefined();
    return data!.organization;
  }

  /** Every grant of a funder (found by its org-id), through the funding subgraph's GraphQL API. */
  async function grantsOfFunder(funderOrgId: string): Promise<GrantNode[]> {
    const funder = await organizationByOrgId(funderOrgId);
    if (!funder) return [];
    const { data, errors } = await hub.funding.request<{ grants: { nodes: GrantNode[] } }>(
      `query($funderId: ID!) { grants(filter: { funderId: $funderId }, first: 100) { nodes { ${GRANT_FIELDS} } } }`,
      { funderId: funder.id },
    );
    expect(errors).toBeUndefined();
    return data!.grants.nodes.sort((a, b) => (a.identifier < b.identifier ? -1 : 1));
  }

  beforeAll(async () => {
    hub = await startFundingHub();
    directory = new OrganizationDirectory(
      new SubgraphClient('organizations', hub.organizations.url, () => identityHeaders(asService('360giving-import')), 15_000),
    );
  });
  afterAll(() => hub?.stop());

  it('imports a GrantNav-style JSON file with dd/mm/yyyy dates, a zero amount, addresses, amountDisbursed and additional_data, keeping all of it', async () => {
    const tag = newId().slice(0, 8);
    const funder = `GB-CHC-9${tag.replace(/\D/g, '').padEnd(6, '1').slice(0, 6)}`;
    const additional = `{"recipientOrgInfos":[{"orgIDs":["GB-CHC-1164859","GB-COH-08049101"],"latestIncome":"233919","income":233919.50}],"recipientDistrictGeoCode":"E06000026","big":12345678901234567890.10}`;
    const file = `{"grants": [
      {"id": "360G-RF${tag}-1", "title": "Grant to Effervescent", "currency": "GBP", "amountAwarded": 116471, "amountDisbursed": 58235.50,
       "awardDate": "21/11/2017", "plannedDates": [{"startDate": "01/12/2017", "endDate": "30/11/2019", "duration": 24}],
       "dateModified": "2018-08-24 13:12:00",
       "recipientOrganization": [{"id": "GB-CHC-1164859", "name": "Effervescent", "charityNumber": "1164859", "companyNumber": "08049101",
         "streetAddress": "Unit 3, Bayard's Cove", "addressLocality": "Plymouth", "addressRegion": "Devon", "postalCode": "PL1 2TE", "addressCountry": "United Kingdom", "url": "http://www.eff.org.uk"}],
       "fundingOrganization": [{"id": "${funder}", "name": "Real Files Foundation ${tag}", "addressCountry": "United Kingdom"}],
       "grantProgramme": [{"code": "MAIN", "title": "Main Grant", "url": "https://example.org/main-grant"}],
       "beneficiaryLocation": [{"name": "Plymouth", "countryCode": "GB", "geoCode": "E06000026", "geoCodeType": "LAUA"}, {"name": "St. Peter Ward", "geoCode": "E05002094", "geoCodeType": "WD"}],
       "classifications": [{"vocabulary": "EFF-priority", "code": "ART", "title": "Arts"}, {"title": "Beneficiary / Children"}],
       "fromOpenCall": "Yes", "amountAppliedFor": 120000,
       "additional_data": ${additional}},
      {"id": "360G-RF${tag}-2", "title": "Underwriting", "currency": "GBP", "amountAwarded": 0, "awardDate": "2017-02-09T00:00:00.000Z",
       "recipientOrganization": [{"id": "360G-RF${tag}-org-jerusalem", "name": "Jerusalem Arts Trust", "addressLocality": "Jerusalem", "addressCountry": "Israel"}],
       "fundingOrganization": [{"id": "${funder}", "name": "Real Files Foundation ${tag}"}]},
      {"id": "360G-RF${tag}-3", "title": "Dollars", "currency": "USD", "amountAwarded": "2500.05", "awardDate": "2017-03-01",
       "recipientOrganization": [{"id": "XI-GRID-grid.4991.5", "name": "University of Oxford"}],
       "fundingOrganization": [{"id": "${funder}", "name": "Real Files Foundation ${tag}"}]},
      {"id": "360G-RF${tag}-4", "title": "Negative", "currency": "GBP", "amountAwarded": -10, "awardDate": "2017-03-01",
       "recipientOrganization": [{"id": "GB-CHC-1164859", "name": "Effervescent"}], "fundingOrganization": [{"id": "${funder}", "name": "Real Files Foundation ${tag}"}]},
      {"id": "360G-RF${tag}-5", "title": "Nonsense amount", "currency": "GBP", "amountAwarded": "about 5k", "awardDate": "2017-03-01",
       "recipientOrganization": [{"id": "GB-CHC-1164859", "name": "Effervescent"}], "fundingOrganization": [{"id": "${funder}", "name": "Real Files Foundation ${tag}"}]}
    ]}`;
    const report = await run(file, 'json');
    expect(report).toMatchObject({ read: 5, added: 3, updated: 0, unchanged: 0, refused: 2, dateOrder: { order: 'dmy' } });
    expect(report.rejections.map((r) => [r.row, r.field])).toEqual([
      [4, 'amountAwarded'],
      [5, 'amountAwarded'],
    ]);
    expect(report.rejections[0].message).toMatch(/must not be negative/);

    const grants = await grantsOfFunder(funder);
    expect(grants.map((g) => g.identifier)).toEqual([`360G-RF${tag}-1`, `360G-RF${tag}-2`, `360G-RF${tag}-3`]);
    expect(sumsOf(grants)).toEqual({ GBP: '116471.00', USD: '2500.05' });
    const [art, zero] = grants;
    expect(art).toMatchObject({
      awardDate: '2017-11-21',
      plannedStartDate: '2017-12-01',
      plannedEndDate: '2019-11-30',
      plannedDuration: 24,
      dateModified: '2018-08-24T13:12:00.000Z',
      publishedAmountDisbursed: { amount: '58235.50', currency: 'GBP' },
      recipientAsPublished: {
        orgId: 'GB-CHC-1164859',
        name: 'Effervescent',
        charityNumber: '1164859',
        companyNumber: '08049101',
        streetAddress: "Unit 3, Bayard's Cove",
        locality: 'Plymouth',
        region: 'Devon',
        postalCode: 'PL1 2TE',
        country: 'United Kingdom',
        url: 'http://www.eff.org.uk',
      },
      beneficiaryLocations: [
        { name: 'Plymouth', countryCode: 'GB', geoCode: 'E06000026', geoCodeType: 'LAUA' },
        { name: 'St. Peter Ward', countryCode: null, geoCode: 'E05002094', geoCodeType: 'WD' },
      ],
      classifications: [
        { vocabulary: 'EFF-priority', code: 'ART', title: 'Arts' },
        { vocabulary: null, code: null, title: 'Beneficiary / Children' },
      ],
      grantProgramme: { code: 'MAIN', title: 'Main Grant', url: 'https://example.org/main-grant' },
      additionalData: additional,
    });
    expect(art.causeAreas).toEqual(expect.arrayContaining(['CULTURE', 'CHILDREN_AND_YOUTH']));
    // where it comes from: the publisher's file and the grant's dateModified (issue 22's provenance)
    expect(art.provenance).toMatchObject({
      kind: 'IMPORT',
      illustrative: false,
      sourcePublisher: expect.stringContaining('Real Files Foundation'),
      sourceModifiedAt: '2018-08-24T13:12:00.000Z',
      recordedAt: expect.any(String),
    });
    expect(art.provenance.sourceFile).toBeTruthy();
    expect(zero).toMatchObject({ amountAwarded: { amount: '0.00', currency: 'GBP' }, awardDate: '2017-02-09', publishedAmountDisbursed: null });

    // the recipient in Israel is in Israel; a grid id says no country, and none is assumed
    expect(await organizationByOrgId(`360G-RF${tag}-org-jerusalem`)).toMatchObject({ country: 'IL', orgIds: [`360G-RF${tag}-org-jerusalem`] });
    expect(await organizationByOrgId('XI-GRID-grid.4991.5')).toMatchObject({ country: null, orgId: 'XI-GRID-grid.4991.5' });
    expect(await organizationByOrgId('GB-CHC-1164859')).toMatchObject({ id: art.recipient.id, country: 'GB', orgId: 'GB-CHC-1164859' });
  });

  it('refuses, naming --date-order, the grants of a file whose dates could be day or month first, and imports them once it is given', async () => {
    const tag = newId().slice(0, 8);
    const funder = `360G-AMB${tag}`;
    const grant = (n: number, awardDate: string) =>
      JSON.stringify({
        id: `360G-AMB${tag}-${n}`,
        title: `Ambiguous ${n}`,
        currency: 'GBP',
        amountAwarded: 100 * n,
        awardDate,
        recipientOrganization: [{ id: `360G-AMB${tag}-org`, name: `Ambiguous Recipient ${tag}` }],
        fundingOrganization: [{ id: funder, name: `Ambiguous Funder ${tag}` }],
      });
    const file = `{"grants": [${grant(1, '04/05/2017')}, ${grant(2, '03/02/2018')}, ${grant(3, '2018-06-01')}]}`;
    const refused = await run(file, 'json');
    expect(refused).toMatchObject({ read: 3, added: 1, refused: 2 });
    expect(refused.rejections.map((r) => [r.row, r.field])).toEqual([
      [1, 'awardDate'],
      [2, 'awardDate'],
    ]);
    expect(refused.rejections[0].message).toContain('--date-order');

    const given = await run(file, 'json', { dateOrder: 'mdy' });
    expect(given).toMatchObject({ read: 3, added: 2, unchanged: 1, refused: 0 });
    expect((await grantsOfFunder(funder)).map((g) => [g.identifier, g.awardDate])).toEqual([
      [`360G-AMB${tag}-1`, '2017-04-05'],
      [`360G-AMB${tag}-2`, '2018-03-02'],
      [`360G-AMB${tag}-3`, '2018-06-01'],
    ]);
  });

  it('reads the day/month order from a later date of the file (25/12/2016) and never swaps: a date against it is refused by row', async () => {
    const tag = newId().slice(0, 8);
    const funder = `360G-ORD${tag}`;
    const rows = ['04/05/2017', '25/12/2016', '12/31/2016'].map((awardDate, i) =>
      JSON.stringify({
        id: `360G-ORD${tag}-${i + 1}`,
        title: `Ordered ${i + 1}`,
        currency: 'EUR',
        amountAwarded: '10.10',
        awardDate,
        recipientOrganization: [{ id: `360G-ORD${tag}-org`, name: `Ordered Recipient ${tag}` }],
        fundingOrganization: [{ id: funder, name: `Ordered Funder ${tag}` }],
      }),
    );
    const report = await run(`{"grants": [${rows.join(',')}]}`, 'json');
    expect(report).toMatchObject({ added: 2, refused: 1, dateOrder: { order: 'dmy', from: 'the file\'s date "25/12/2016"' } });
    expect(report.rejections).toEqual([expect.objectContaining({ row: 3, field: 'awardDate', message: expect.stringContaining('day/month/year') })]);
    const grants = await grantsOfFunder(funder);
    expect(grants.map((g) => g.awardDate)).toEqual(['2017-05-04', '2016-12-25']);
    expect(sumsOf(grants)).toEqual({ EUR: '20.20' });
  });

  it("imports a CSV in the standard's spreadsheet layout: column titles, :0:/:1: repeats, dd/mm/yyyy and ISO dates, thousands separators, a zero amount", async () => {
    const tag = newId().slice(0, 8);
    const funder = `GB-COH-RF${tag}`;
    const header = [
      'Identifier',
      'Title',
      'Description',
      'Currency',
      'Amount Awarded',
      'Amount Disbursed',
      'Award Date',
      'Planned Dates:Start Date',
      'Planned Dates:End Date',
      'Planned Dates:Duration (months)',
      'Recipient Org:Identifier',
      'Recipient Org:Name',
      'Recipient Org:Charity Number',
      'Recipient Org:Street Address',
      'Recipient Org:City',
      'Recipient Org:County',
      'Recipient Org:Postal Code',
      'Recipient Org:Country',
      'Funding Org:Identifier',
      'Funding Org:Name',
      'Grant Programme:Code',
      'Grant Programme:Title',
      'Grant Programme:URL',
      'Beneficiary Location:0:Name',
      'Beneficiary Location:0:Geographic Code',
      'Beneficiary Location:1:Name',
      'Beneficiary Location:1:Geographic Code',
      'Classifications:0:Title',
      'Last Modified',
      'From An Open Call?',
      'Recipient Region',
    ];
    const line = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
    const rows = [
      [
        `360G-CSV${tag}-1`,
        'Youth work, Leeds',
        'Towards "youth" clubs',
        'GBP',
        '1,250.50',
        '625.25',
        '31/01/2019',
        '01/02/2019',
        '31/01/2020',
        '12',
        `GB-CHC-5${tag.replace(/\D/g, '').padEnd(6, '2').slice(0, 6)}`,
        'Leeds Youth Trust',
        '512345',
        '1 Park Row',
        'Leeds',
        'West Yorkshire',
        'LS1 5HD',
        'United Kingdom',
        funder,
        `CSV Funder ${tag}`,
        'OPEN',
        'Open Grants',
        'https://example.org/open',
        'Leeds',
        'E08000035',
        'Bradford',
        'E08000032',
        'Children and young people',
        '2019-02-01 09:30:00',
        'Yes',
        'Yorkshire and The Humber',
      ],
      [
        `360G-CSV${tag}-2`,
        'In kind',
        '',
        'GBP',
        '0',
        '',
        '2019-03-15',
        '',
        '',
        '',
        `360G-CSV${tag}-org-dublin`,
        'Dublin Arts',
        '',
        '',
        'Dublin',
        '',
        '',
        'Ireland',
        funder,
        `CSV Funder ${tag}`,
        'OPEN',
        'Open Grants',
        '',
        'Dublin',
        '',
        '',
        '',
        'Arts',
        '',
        'No',
        '',
      ],
      [
        `360G-CSV${tag}-3`,
        'Refused',
        '',
        'GBP',
        '-5',
        '',
        '2019-03-15',
        '',
        '',
        '',
        `360G-CSV${tag}-org-dublin`,
        'Dublin Arts',
        '',
        '',
        '',
        '',
        '',
        '',
        funder,
        `CSV Funder ${tag}`,
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
    ];
    const csv = `\ufeff${[line(header), ...rows.map((r) => line(r.map(String)))].join('\r\n')}\r\n`;
    const report = await run(csv, 'csv');
    expect(report).toMatchObject({ format: 'csv', read: 3, added: 2, refused: 1 });
    expect(report.rejections).toEqual([expect.objectContaining({ row: 4, id: `360G-CSV${tag}-3`, field: 'amountAwarded' })]);

    const grants = await grantsOfFunder(funder);
    expect(sumsOf(grants)).toEqual({ GBP: '1250.50' });
    expect(grants[0]).toMatchObject({
      title: 'Youth work, Leeds',
      awardDate: '2019-01-31',
      plannedStartDate: '2019-02-01',
      plannedEndDate: '2020-01-31',
      plannedDuration: 12,
      dateModified: '2019-02-01T09:30:00.000Z',
      publishedAmountDisbursed: { amount: '625.25', currency: 'GBP' },
      recipientAsPublished: expect.objectContaining({
        name: 'Leeds Youth Trust',
        streetAddress: '1 Park Row',
        locality: 'Leeds',
        region: 'West Yorkshire',
        postalCode: 'LS1 5HD',
        country: 'United Kingdom',
      }),
      grantProgramme: { code: 'OPEN', title: 'Open Grants', url: 'https://example.org/open' },
      beneficiaryLocations: [
        { name: 'Leeds', countryCode: null, geoCode: 'E08000035', geoCodeType: null },
        { name: 'Bradford', countryCode: null, geoCode: 'E08000032', geoCodeType: null },
      ],
      additionalData: '{"Recipient Region":"Yorkshire and The Humber"}',
    });
    expect(grants[1]).toMatchObject({ amountAwarded: { amount: '0.00', currency: 'GBP' }, awardDate: '2019-03-15' });
    expect(await organizationByOrgId(`360G-CSV${tag}-org-dublin`)).toMatchObject({ country: 'IE' });

    // the same file again changes nothing
    expect(await run(csv, 'csv')).toMatchObject({ read: 3, added: 0, updated: 0, unchanged: 2, refused: 1 });
  });

  it('imports an XLSX workbook: date cells, Excel serial numbers, text dates, and a second sheet of beneficiary locations', async () => {
    const tag = newId().slice(0, 8);
    const funder = `360G-XLS${tag}`;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('grants');
    sheet.addRow([
      'Identifier',
      'Title',
      'Currency',
      'Amount Awarded',
      'Award Date',
      'Planned Dates:Start Date',
      'Recipient Org:Identifier',
      'Recipient Org:Name',
      'Recipient Org:Country',
      'Funding Org:Identifier',
      'Funding Org:Name',
      'Beneficiary Location:Name',
      'Last Modified',
    ]);
    sheet.addRow([
      `360G-XLS${tag}-1`,
      'Date cell',
      'GBP',
      1000.1,
      new Date(Date.UTC(2020, 5, 30)),
      new Date(Date.UTC(2020, 6, 1)),
      `360G-XLS${tag}-org`,
      'Spreadsheet Charity',
      'United Kingdom',
      funder,
      `XLSX Funder ${tag}`,
      'Cardiff',
      new Date(Date.UTC(2020, 6, 2, 10, 15, 0)),
    ]);
    sheet.addRow([
      `360G-XLS${tag}-2`,
      'Serial number',
      'GBP',
      0,
      43060,
      null,
      `360G-XLS${tag}-org`,
      'Spreadsheet Charity',
      'United Kingdom',
      funder,
      `XLSX Funder ${tag}`,
      null,
      null,
    ]);
    sheet.addRow([
      `360G-XLS${tag}-3`,
      'Text date',
      'USD',
      '99.99',
      '15/08/2019',
      null,
      `360G-XLS${tag}-org`,
      'Spreadsheet Charity',
      'United Kingdom',
      funder,
      `XLSX Funder ${tag}`,
      null,
      null,
    ]);
    sheet.getColumn(5).numFmt = 'dd/mm/yyyy';
    sheet.getCell('E3').numFmt = 'General';
    const locations = workbook.addWorksheet('beneficiaryLocation');
    locations.addRow(['Identifier', 'Beneficiary Location:Name', 'Beneficiary Location:Geographic Code']);
    locations.addRow([`360G-XLS${tag}-1`, 'Swansea', 'W06000011']);
    workbook.addWorksheet('Notes').addRow(['This sheet explains the data']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    const report = await run(buffer, 'xlsx');
    expect(report).toMatchObject({ format: 'xlsx', read: 3, added: 3, refused: 0 });
    const grants = await grantsOfFunder(funder);
    expect(grants.map((g) => [g.identifier, g.awardDate, g.amountAwarded.amount])).toEqual([
      [`360G-XLS${tag}-1`, '2020-06-30', '1000.10'],
      [`360G-XLS${tag}-2`, '2017-11-21', '0.00'],
      [`360G-XLS${tag}-3`, '2019-08-15', '99.99'],
    ]);
    expect(sumsOf(grants)).toEqual({ GBP: '1000.10', USD: '99.99' });
    expect(grants[0]).toMatchObject({
      plannedStartDate: '2020-07-01',
      dateModified: '2020-07-02T10:15:00.000Z',
      beneficiaryLocations: [expect.objectContaining({ name: 'Cardiff' }), expect.objectContaining({ name: 'Swansea', geoCode: 'W06000011' })],
    });
  });

  it('updates the grants whose content a newer version of the file changed, reports them, and leaves the others', async () => {
    const tag = newId().slice(0, 8);
    const funder = `360G-VER${tag}`;
    const grant = (n: number, amount: string, title = `Versioned ${n}`) =>
      JSON.stringify({
        id: `360G-VER${tag}-${n}`,
        title,
        currency: 'GBP',
        amountAwarded: amount,
        awardDate: '2020-01-0' + n,
        recipientOrganization: [{ id: `360G-VER${tag}-org`, name: `Versioned Recipient ${tag}`, postalCode: 'AB1 2CD' }],
        fundingOrganization: [{ id: funder, name: `Versioned Funder ${tag}` }],
      });
    const v1 = `{"grants": [${grant(1, '100.00')}, ${grant(2, '200.00')}, ${grant(3, '300.00')}]}`;
    const v2 = `{"grants": [${grant(1, '100.00')}, ${grant(2, '250.75')}, ${grant(3, '300.00', 'Versioned 3, renamed')}, ${grant(4, '0')}]}`;
    expect(await run(v1, 'json')).toMatchObject({ added: 3, updated: 0, unchanged: 0 });
    expect(sumsOf(await grantsOfFunder(funder))).toEqual({ GBP: '600.00' });
    expect(await run(v2, 'json')).toMatchObject({ read: 4, added: 1, updated: 2, unchanged: 1, refused: 0 });
    const grants = await grantsOfFunder(funder);
    expect(grants.map((g) => [g.title, g.amountAwarded.amount])).toEqual([
      ['Versioned 1', '100.00'],
      ['Versioned 2', '250.75'],
      ['Versioned 3, renamed', '300.00'],
      ['Versioned 4', '0.00'],
    ]);
    expect(sumsOf(grants)).toEqual({ GBP: '650.75' });
    expect(await run(v2, 'json')).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
  });

  it('meets two files naming the same recipient by the same org-id in one organization, found by organization(orgId:) and organizations(filter: { orgIds })', async () => {
    const tag = newId().slice(0, 8);
    const recipient = `GB-COH-MEET${tag}`;
    const file = (n: number) =>
      JSON.stringify({
        grants: [
          {
            id: `360G-MEET${tag}-${n}`,
            title: `Meeting ${n}`,
            currency: 'GBP',
            amountAwarded: 10,
            awardDate: '2021-01-01',
            recipientOrganization: [{ id: recipient, name: n === 1 ? `Meeting Ltd ${tag}` : `MEETING LIMITED ${tag}` }],
            fundingOrganization: [{ id: `360G-MEETF${tag}-${n}`, name: `Meeting Funder ${n} ${tag}` }],
          },
        ],
      });
    expect(await run(file(1), 'json')).toMatchObject({ added: 1, organizationsCreated: 2 });
    expect(await run(file(2), 'json')).toMatchObject({ added: 1, organizationsCreated: 1 });
    const found = await organizationByOrgId(recipient);
    expect(found).toMatchObject({ name: `Meeting Ltd ${tag}`, orgId: recipient, orgIds: [recipient] });
    const [first, second] = [...(await grantsOfFunder(`360G-MEETF${tag}-1`)), ...(await grantsOfFunder(`360G-MEETF${tag}-2`))];
    expect(first.recipient.id).toBe(found!.id);
    expect(second.recipient.id).toBe(found!.id);

    const { data } = await organizations<{ organizations: { totalCount: number; nodes: { id: string }[] } }>(
      'query($orgIds: [String!]) { organizations(filter: { orgIds: $orgIds }) { totalCount nodes { id } } }',
      { orgIds: [recipient, `360G-MEETF${tag}-1`, 'GB-CHC-0000000-none'] },
    );
    expect(data!.organizations.totalCount).toBe(2);
    expect(data!.organizations.nodes.map((n) => n.id)).toContain(found!.id);
  });
});
