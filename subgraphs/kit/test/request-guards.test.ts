import { ApolloServer, HeaderMap } from '@apollo/server';
import { parse, type GraphQLFormattedError } from 'graphql';
import pino from 'pino';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { graphqlHandler } from '../src/http/graphql-handler';
import { maskUnexpectedErrors } from '../src/errors';
import { requestGuards } from '../src/http/request-guards';
import { findUnsafeText } from '../src/http/unsafe-text';
import { DateScalar, DateTimeScalar } from '../src/scalars';

describe('findUnsafeText', () => {
  const document = (source: string) => parse(source);

  it('finds a NUL or a lone surrogate in inline arguments, nested input objects, lists and directive arguments', () => {
    expect(findUnsafeText(document('{ a(filter: { search: "a\\u0000b" }) }'), {})).toEqual({ field: 'filter.search', reason: 'a NUL character (U+0000)' });
    expect(findUnsafeText(document('{ a(input: { tags: ["ok", "x\u0000"] }) }'), {})?.field).toBe('input.tags[1]');
    expect(findUnsafeText(document('{ a @include(if: true) { b(s: "\u0000") } }'), {})?.field).toBe('s');
    expect(findUnsafeText(document('query($s: String = "\\u0000") { a(s: $s) }'), {})?.field).toBe('$s');
  });

  it('finds them in variables at any depth, and names the path', () => {
    expect(findUnsafeText(document('{ a }'), { input: { people: [{ name: 'ok' }, { name: 'x\ud800' }] } })).toEqual({
      field: '$input.people[1].name',
      reason: 'a lone UTF-16 surrogate (U+D800)',
    });
    expect(findUnsafeText(document('{ a }'), { s: '\udfff' })?.reason).toBe('a lone UTF-16 surrogate (U+DFFF)');
  });

  it('lets every other text through: Chinese, emoji (a surrogate pair), tabs and newlines', () => {
    expect(findUnsafeText(document('{ a(s: "成都 🌱\\t\\n") }'), { s: '公益 🌱', n: 3, list: ['ok'], nothing: null })).toBeUndefined();
  });
});

describe('the Date and DateTime scalars keep to the years PostgreSQL and ISO 8601 share', () => {
  it('refuses year 0 and reads two-digit years as they are written', () => {
    expect(() => DateScalar.parseValue('0000-01-01')).toThrow(/outside the dates the hub keeps/);
    expect(DateScalar.parseValue('0001-01-01')).toBe('0001-01-01');
    expect(DateScalar.parseValue('0004-02-29')).toBe('0004-02-29');
    expect(() => DateScalar.parseValue('0099-02-29')).toThrow(/not a calendar date/);
    expect(() => DateScalar.parseValue('300000-01-01')).toThrow(/YYYY-MM-DD/);
  });

  it('refuses date-times whose UTC year is 0', () => {
    expect(() => DateTimeScalar.parseValue('0000-06-01T00:00:00Z')).toThrow(/outside the moments/);
    expect(() => DateTimeScalar.parseValue('0001-01-01T00:30:00+01:00')).toThrow(/outside the moments/);
    expect(DateTimeScalar.parseValue('9999-12-31T23:59:59Z')).toEqual(new Date('9999-12-31T23:59:59Z'));
  });
});

describe('a server with the request guards', () => {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'error' }, new Writable({ write: (chunk, _encoding, done) => void (lines.push(JSON.parse(String(chunk))), done()) }));
  let server: ApolloServer<{ requestId: string }>;

  beforeAll(async () => {
    server = new ApolloServer<{ requestId: string }>({
      typeDefs: 'scalar Date\ntype Query { echo(text: String, on: Date): String, broken: String }',
      resolvers: {
        Date: DateScalar,
        Query: {
          echo: (_root: unknown, args: { text?: string; on?: string }) => args.text ?? args.on,
          broken: () => {
            throw new Error('connection reset by the database');
          },
        },
      },
      formatError: maskUnexpectedErrors(log),
      plugins: requestGuards<{ requestId: string }>(),
    });
    await server.start();
  });
  afterAll(() => server.stop());

  async function run(query: string, variables: Record<string, unknown> = {}, operationName?: string) {
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([['content-type', 'application/json']]),
        search: '',
        body: { query, variables, ...(operationName ? { operationName } : {}) },
      },
      context: async () => ({ requestId: 'req-42' }),
    });
    const body = response.body.kind === 'complete' ? JSON.parse(response.body.string) : undefined;
    return { status: response.status ?? 200, errors: body.errors as GraphQLFormattedError[] | undefined, data: body.data };
  }

  it('answers a NUL in a variable with BAD_USER_INPUT and HTTP 400, naming the variable', async () => {
    const { status, errors } = await run('query($t: String) { echo(text: $t) }', { t: 'a\u0000' });
    expect(status).toBe(400);
    expect(errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: '$t' });
  });

  it('answers an unknown operationName with OPERATION_RESOLUTION_FAILURE and HTTP 400', async () => {
    const unknown = await run('query A { echo }', {}, 'B');
    expect(unknown.status).toBe(400);
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } });
    expect(unknown.errors?.[0].message).toMatch(/no operation named "B"; it has A/);
    const unnamed = await run('query A { echo } query B { echo }');
    expect(unnamed.status).toBe(400);
    expect(unnamed.errors?.[0].message).toMatch(/name the one to run/);
  });

  it('keeps BAD_USER_INPUT for a scalar that refuses an inline literal', async () => {
    const { errors } = await run('{ echo(on: "0000-01-01") }');
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('masks an unexpected error with the request id, in the answer and in the log line', async () => {
    lines.length = 0;
    const { errors } = await run('{ broken }');
    expect(errors).toEqual([
      {
        message: 'Internal error (request req-42)',
        path: ['broken'],
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' },
      },
    ]);
    expect(lines).toEqual([
      expect.objectContaining({
        requestId: 'req-42',
        msg: 'unexpected error while resolving',
        err: expect.objectContaining({ message: 'connection reset by the database' }),
      }),
    ]);
  });
});

describe('graphqlHandler', () => {
  it('gives an error thrown while building the context the request id, in the answer and in the log line', async () => {
    const lines: Record<string, unknown>[] = [];
    const log = pino({ level: 'error' }, new Writable({ write: (chunk, _encoding, done) => void (lines.push(JSON.parse(String(chunk))), done()) }));
    const server = new ApolloServer<{ requestId: string }>({
      typeDefs: 'type Query { ok: Boolean }',
      formatError: maskUnexpectedErrors(log),
      plugins: requestGuards<{ requestId: string }>(),
    });
    await server.start();
    const handle = graphqlHandler<{ requestId: string }>({
      server,
      log,
      context: async () => {
        throw new Error('the credential directory did not answer');
      },
    });
    const http = createServer((req, res) => void handle(req, res));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = http.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'ctx-7' },
        body: JSON.stringify({ query: '{ ok }' }),
      });
      const body = (await response.json()) as { errors: GraphQLFormattedError[] };
      expect(body.errors).toEqual([{ message: 'Internal error (request ctx-7)', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'ctx-7' } }]);
      expect(lines).toEqual([
        expect.objectContaining({ requestId: 'ctx-7', err: expect.objectContaining({ message: 'the credential directory did not answer' }) }),
      ]);
    } finally {
      await server.stop();
      await new Promise((resolve) => http.close(resolve));
    }
  });
});
