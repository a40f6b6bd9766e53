import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Years the hub stores: ISO 8601's four digits, from 1 (PostgreSQL has no year 0) to 9999. */
export const FIRST_YEAR = 1;
export const LAST_YEAR = 9999;
const YEARS = `years ${String(FIRST_YEAR).padStart(4, '0')} to ${LAST_YEAR}`;

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // not Date.UTC: it reads the years 0–99 as 1900–1999
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string') throw new GraphQLError('Date must be a string in the form YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
  const match = ISO_DATE.exec(value);
  if (!match || !isCalendarDate(+match[1], +match[2], +match[3])) {
    throw new GraphQLError(`${JSON.stringify(value)} is not a calendar date in the form YYYY-MM-DD`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  if (+match[1] < FIRST_YEAR) {
    throw new GraphQLError(`${JSON.stringify(value)} is outside the dates the hub keeps (${YEARS})`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

/** A calendar date without time or zone (YYYY-MM-DD), kept as a string end to end. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date without time zone, in the form YYYY-MM-DD (ISO 8601), from 0001-01-01 to 9999-12-31.',
  specifiedByURL: 'https://tools.ietf.org/html/rfc3339',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parseDate(value);
  },
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string in the form YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseDate(ast.value);
  },
});

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError(`${JSON.stringify(value)} is not an ISO 8601 date-time with a zone, e.g. 2012-06-01T09:30:00Z`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  if (date.getUTCFullYear() < FIRST_YEAR || date.getUTCFullYear() > LAST_YEAR) {
    throw new GraphQLError(`${JSON.stringify(value)} is outside the moments the hub keeps (${YEARS}, in UTC)`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return date;
}

/** A moment in time (ISO 8601, UTC). `Date` is a calendar day; timestamps use this one. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A moment in time, as an ISO 8601 string in UTC with milliseconds, e.g. 2012-06-01T09:30:00.000Z; years 0001 to 9999.',
  specifiedByURL: 'https://tools.ietf.org/html/rfc3339',
  serialize(value) {
    return (value instanceof Date ? value : parseDateTime(value)).toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseDateTime(ast.value);
  },
});
