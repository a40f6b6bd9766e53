import { decodeCursor, encodeCursor, pageRequest } from '../src/pagination';
import { DateScalar } from '../src/scalars';
import { seedId, isUuid } from '../src/ids';

describe('the Date scalar', () => {
  it('accepts calendar dates and refuses impossible ones', () => {
    expect(DateScalar.parseValue('2012-02-29')).toBe('2012-02-29');
    expect(() => DateScalar.parseValue('2013-02-29')).toThrow(/not a calendar date/);
    expect(() => DateScalar.parseValue('2013-2-1')).toThrow(/YYYY-MM-DD/);
    expect(() => DateScalar.parseValue(20130201)).toThrow(/must be a string/);
    expect(DateScalar.serialize(new Date('2009-06-01T00:00:00Z'))).toBe('2009-06-01');
  });
});

describe('cursors', () => {
  it('round-trip a sort value with an id, in Chinese too', () => {
    const cursor = encodeCursor('成都公益组织服务园', 'f7a3');
    expect(decodeCursor(cursor)).toEqual({ value: '成都公益组织服务园', id: 'f7a3' });
  });

  it('refuses a forged cursor and a page size out of range', () => {
    expect(() => decodeCursor('bm9wZQ')).toThrow(/not a cursor/);
    expect(() => pageRequest({ first: 0 })).toThrow(/between 1 and 100/);
    expect(() => pageRequest({ first: 101 })).toThrow(/between 1 and 100/);
    expect(pageRequest({})).toEqual({ first: 20, after: undefined });
  });
});

describe('seed ids', () => {
  it('are stable UUIDs derived from slugs', () => {
    expect(seedId('org:npi')).toBe(seedId('org:npi'));
    expect(seedId('org:npi')).not.toBe(seedId('org:npi-chengdu'));
    expect(isUuid(seedId('org:npi'))).toBe(true);
  });
});
