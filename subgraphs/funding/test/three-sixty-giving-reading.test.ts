import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { JsonNumber, JsonSyntaxError, parseExactJson, stringifyExactJson } from '../src/three-sixty-giving/exact-json';
import { GrantArrayScanner, readGrantTexts } from '../src/three-sixty-giving/grant-stream';
import { plainDecimal, readGrantRecord } from '../src/three-sixty-giving/grant-record';

const SAMPLE = join(__dirname, 'fixtures', '360giving_grantnav_esmee-fairbairn_5grants.json');

async function grantsOf(chunks: string[]): Promise<string[]> {
  const texts: string[] = [];
  for await (const batch of readGrantTexts(Readable.from(chunks.map((c) => Buffer.from(c))))) texts.push(...batch.map((t) => t.text));
  return texts;
}

describe('reading 360Giving JSON (exact numbers, streamed grants, field mapping)', () => {
  it('keeps amounts exact: numbers stay their decimal text, read and written', () => {
    const value = parseExactJson('{"amountAwarded": 1234567890123456.78, "small": 0.1, "list": [1e3, -2], "name": "Esm\\u00e9e \\"q\\" ]}"}');
    expect(value).toEqual({
      amountAwarded: new JsonNumber('1234567890123456.78'),
      small: new JsonNumber('0.1'),
      list: [new JsonNumber('1e3'), new JsonNumber('-2')],
      name: 'Esmée "q" ]}',
    });
    expect(stringifyExactJson(value)).toBe('{"amountAwarded":1234567890123456.78,"small":0.1,"list":[1e3,-2],"name":"Esmée \\"q\\" ]}"}');
    expect(Number('1234567890123456.78').toString()).not.toBe('1234567890123456.78');
  });

  it('keeps a "__proto__" key of a file a plain property, and reports malformed JSON with its place', () => {
    const value = parseExactJson('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const text of ['{"a": }', '{"a": 1,}', '[1 2]', '{"a": "b', '{"a": 01}', '{"a": "x\ny"}']) {
      expect(() => parseExactJson(text)).toThrow(JsonSyntaxError);
    }
  });

  it('expands exponents to plain decimals exactly', () => {
    expect(plainDecimal(new JsonNumber('1.5e3'), 'a')).toBe('1500');
    expect(plainDecimal(new JsonNumber('125E-2'), 'a')).toBe('1.25');
    expect(plainDecimal(new JsonNumber('2e-3'), 'a')).toBe('0.002');
    expect(plainDecimal('116471.00', 'a')).toBe('116471.00');
    expect(() => plainDecimal('12,5', 'amountAwarded')).toThrow(/amountAwarded must be a number/);
  });

  it('finds the grants of a package fed in any chunks, one character at a time too, ignoring other keys', async () => {
    const text =
      '\ufeff{"meta": {"grants": [{"id": "not-me"}]}, "note": "a [string] with \\" and {braces}", "grants": [ {"id": "a", "t": "]},{"}, {"id": "b", "n": [1, {"x": 2}]} , 42 ], "after": []}';
    const whole = await grantsOf([text]);
    expect(whole).toEqual(['{"id": "a", "t": "]},{"}', '{"id": "b", "n": [1, {"x": 2}]}', '42']);
    expect(await grantsOf([...text])).toEqual(whole);
    expect(await grantsOf([text.slice(0, 57), text.slice(57, 90), text.slice(90)])).toEqual(whole);
  });

  it('refuses a file that is cut short, has no grants array, or is not an object', async () => {
    await expect(grantsOf(['{"grants": [{"id": "a"}, {"id": "b"'])).rejects.toThrow(/ends before its JSON does/);
    await expect(grantsOf(['{"funders": []}'])).rejects.toThrow(/no "grants" array/);
    await expect(grantsOf(['[{"id": "a"}]'])).rejects.toThrow(/one JSON object/);
    const scanner = new GrantArrayScanner();
    expect(scanner.feed('{"grants": [{"id": "a"}, {"id": "b"}]]]')).toHaveLength(2);
    expect(() => scanner.end()).toThrow(/unbalanced/);
  });

  it("maps the Esmée Fairbairn sample onto the hub's grants: exact amounts, dates, org-ids, programme, places and causes", async () => {
    const texts = await grantsOf([readFileSync(SAMPLE, 'utf8')]);
    const records = texts.map((text, i) => readGrantRecord(parseExactJson(text), i + 1));
    expect(records).toHaveLength(5);
    expect(records[0]).toMatchObject({
      row: 1,
      identifier: '360G-EFF-16-3315',
      title: 'Grant to Effervescent',
      amount: '116471.00',
      currency: 'GBP',
      awardDate: '2017-11-21',
      recipient: { value: 'GB-CHC-1164859', country: 'GB', name: 'Effervescent', website: 'http://www.eff.org.uk/' },
      funder: { value: 'GB-CHC-200051', country: 'GB', name: 'Esmée Fairbairn Foundation' },
      programme: { code: 'Main Grant', title: 'Main Grant' },
      beneficiaryLocation: 'England/South West/Plymouth',
      status: 'AWARDED',
    });
    expect(records[0].causeAreas).toEqual(expect.arrayContaining(['CULTURE', 'CHILDREN_AND_YOUTH']));
    expect(records[1].recipient.value).toBe('360G-EFF-001b000003VLxCp');
    expect(records[1].recipient.country).toBeUndefined();
  });

  it.each([
    [{ id: 'EFF-1' }, 'id'],
    [{ amountAwarded: 'lots' }, 'amountAwarded'],
    [{ amountAwarded: -5 }, 'amountAwarded'],
    [{ amountDisbursed: 'some' }, 'amountDisbursed'],
    [{ awardDate: '04/05/2017' }, 'awardDate'],
    [{ amountAwarded: 10.5, currency: 'JPY' }, 'amountAwarded'],
    [{ currency: 'XYZ' }, 'currency'],
    [{ awardDate: '2017-02-30' }, 'awardDate'],
    [{ awardDate: undefined }, 'awardDate'],
    [{ title: '' }, 'title'],
    [{ recipientOrganization: undefined }, 'recipientOrganization'],
    [{ recipientOrganization: [{ id: 'Effervescent', name: 'Effervescent' }] }, 'recipientOrganization.0.id'],
    [{ recipientOrganization: [{ id: 'CN-USCI-12345', name: 'Too short' }] }, 'recipientOrganization.0.id'],
    [{ fundingOrganization: [{ id: 'GB-CHC-200051' }] }, 'fundingOrganization.0.name'],
    [{ plannedDates: [{ startDate: '2018-01-01', endDate: '2017-01-01' }] }, 'plannedDates.0.endDate'],
    [{ ngohubStatus: 'PAID' }, 'ngohubStatus'],
  ])('rejects a grant with %j, naming %s', (change, field) => {
    const grant = {
      id: '360G-test-1',
      title: 'Grant',
      currency: 'GBP',
      amountAwarded: new JsonNumber('100'),
      awardDate: '2017-01-01',
      recipientOrganization: [{ id: 'GB-CHC-1', name: 'A' }],
      fundingOrganization: [{ id: 'GB-CHC-2', name: 'B' }],
    };
    const value = { ...grant, ...change } as Record<string, unknown>;
    if (typeof value.amountAwarded === 'number') value.amountAwarded = new JsonNumber(String(value.amountAwarded));
    for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
    expect(() => readGrantRecord(value as never, 1)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ field }) }));
  });
});
