import { AmbiguousDateError, DateReader, excelSerialToIso } from '../src/three-sixty-giving/dates';
import { JsonNumber, parseExactJson, stringifyExactJson } from '../src/three-sixty-giving/exact-json';
import { columnPath, RowUnflattener } from '../src/three-sixty-giving/spreadsheet-layout';
import { countryCodeOf } from '../src/three-sixty-giving/country';

describe('360Giving dates as publishers write them', () => {
  it.each([
    ['2017-11-21', '2017-11-21'],
    ['2017-11-21T00:00:00.000Z', '2017-11-21'],
    ['2017-11-21 09:30:00', '2017-11-21'],
    ['2017/11/21', '2017-11-21'],
    ['21/11/2017', '2017-11-21'],
    ['21.11.2017', '2017-11-21'],
    ['21-11-2017 14:05', '2017-11-21'],
    ['5/1/2018', '2018-01-05'],
  ])('reads %s as %s (day first)', (raw, date) => {
    expect(new DateReader('dmy').date(raw, 'awardDate')).toBe(date);
  });

  it('reads month first with mdy, and a date-time in UTC without a fraction of zeros', () => {
    expect(new DateReader('mdy').date('11/21/2017', 'awardDate')).toBe('2017-11-21');
    const reader = new DateReader();
    expect(reader.dateTime('2018-08-24T13:12:00.000Z', 'dateModified')).toBe('2018-08-24T13:12:00Z');
    expect(reader.dateTime('2018-08-24 13:12:00', 'dateModified')).toBe('2018-08-24T13:12:00Z');
    expect(reader.dateTime('2018-08-24T14:12:00+01:00', 'dateModified')).toBe('2018-08-24T13:12:00Z');
    expect(reader.dateTime('2018-08-24', 'dateModified')).toBe('2018-08-24T00:00:00Z');
  });

  it('learns the order from a day above 12, refuses a date that could be either before that, and one against it after', () => {
    const reader = new DateReader();
    expect(() => reader.date('04/05/2017', 'awardDate')).toThrow(AmbiguousDateError);
    expect(reader.date('05/05/2017', 'awardDate')).toBe('2017-05-05'); // the same either way
    expect(reader.date('25/12/2016', 'awardDate')).toBe('2016-12-25');
    expect(reader).toMatchObject({ order: 'dmy', learnedFrom: '25/12/2016' });
    expect(reader.date('04/05/2017', 'awardDate')).toBe('2017-05-04');
    expect(() => reader.date('12/31/2016', 'awardDate')).toThrow(/day\/month\/year/);
    expect(() => new DateReader().date('31/02/2017', 'awardDate')).toThrow(/not a calendar date/);
    expect(() => new DateReader().date('next Tuesday', 'awardDate')).toThrow(/not a date such as/);
  });

  it('turns Excel serial numbers into dates and date-times', () => {
    expect(excelSerialToIso(43060)).toBe('2017-11-21');
    expect(excelSerialToIso(43060.5)).toBe('2017-11-21T12:00:00Z');
    expect(excelSerialToIso(-3)).toBeUndefined();
  });
});

describe('the 360Giving spreadsheet layout', () => {
  it.each([
    ['Identifier', ['id']],
    ['Amount Awarded', ['amountAwarded']],
    ['Recipient Org:Identifier', ['recipientOrganization', 0, 'id']],
    ['recipient org:postal code', ['recipientOrganization', 0, 'postalCode']],
    ['Beneficiary Location:1:Geographic Code', ['beneficiaryLocation', 1, 'geoCode']],
    ['Planned Dates:Duration (months)', ['plannedDates', 0, 'duration']],
    ['Recipient Org:Location:0:Name', ['recipientOrganization', 0, 'location', 0, 'name']],
    ['recipientOrganization/0/id', ['recipientOrganization', 0, 'id']],
  ])('maps the column %s to %j', (title, path) => {
    expect(columnPath(title)).toEqual({ path });
  });

  it('keeps a column the standard does not name in additional_data, and closes up numbered repeats', () => {
    expect(columnPath('Recipient Region')).toEqual({ path: ['Recipient Region'], extra: true });
    const layout = new RowUnflattener(['Identifier', 'Amount Awarded', 'Classifications:1:Title', 'Classifications:3:Title', 'Recipient Region']);
    expect(layout.grantOf(['360G-x-1', '1,250.50', 'Arts', 'Health', 'North'])).toEqual({
      id: '360G-x-1',
      amountAwarded: '1250.50',
      classifications: [{ title: 'Arts' }, { title: 'Health' }],
      additional_data: { 'Recipient Region': 'North' },
    });
  });

  it('reads countries by name or code, and none from a name it does not know', () => {
    expect(['United Kingdom', 'UK', 'gb', 'Israel', 'Ireland', 'Narnia', ''].map((name) => countryCodeOf(name))).toEqual([
      'GB',
      'GB',
      'GB',
      'IL',
      'IE',
      undefined,
      undefined,
    ]);
  });
});

describe('exact JSON text', () => {
  it('writes numbers as they were read, and a string holding the marker character stays a string', () => {
    const value = parseExactJson('{"a":12345678901234567.25,"b":[1.50,-1e5],"c":"\\u0000#12"}');
    expect(stringifyExactJson(value)).toBe('{"a":12345678901234567.25,"b":[1.50,-1e5],"c":"\\u0000#12"}');
    expect(stringifyExactJson({ n: new JsonNumber('0.10'), u: undefined })).toBe('{"n":0.10}');
  });
});
