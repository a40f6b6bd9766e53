import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(value: unknown): string {
  if (typeof value !== 'string') throw new GraphQLError('Date must be a string in the form YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
  const match = ISO_DATE.exec(value);
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
  if (!match || !date || date.getUTCMonth() !== +match[2] - 1 || date.getUTCDate() !== +match[3]) {
    throw new GraphQLError(`${JSON.stringify(value)} is not a calendar date in the form YYYY-MM-DD`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

/** A calendar date without time or zone (YYYY-MM-DD), kept as a string end to end. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date without time zone, in the form YYYY-MM-DD (ISO 8601).',
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
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError(`${JSON.stringify(value)} is not an ISO 8601 date-time with a zone, e.g. 2012-06-01T09:30:00Z`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return date;
}

/** A moment in time (ISO 8601, UTC). `Date` is a calendar day; timestamps use this one. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A moment in time, as an ISO 8601 string in UTC with milliseconds, e.g. 2012-06-01T09:30:00.000Z.',
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
