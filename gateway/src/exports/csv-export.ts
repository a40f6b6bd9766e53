import type { ApolloServer, GraphQLResponse } from '@apollo/server';
import { sendError, type Logger } from '@ngo-hub/kit/common';
import { stringify } from 'csv-stringify/sync';
import {
  getNamedType,
  GraphQLError,
  GraphQLInputObjectType,
  isListType,
  isNonNullType,
  type FormattedExecutionResult,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayContext } from '../context';
import { CSV_LISTS, rowsOf, SHEET_LISTS, type CsvList, type SheetList } from './csv-lists';

/** Rows fetched per GraphQL page: the largest page a list field gives. */
const PAGE = 100;

interface ExportPage {
  page: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes?: Record<string, unknown>[];
    spreadsheet?: { columns: string[]; rows: (string | null)[][] };
  };
}
type SingleResult = FormattedExecutionResult<ExportPage>;

class ExportError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** Query parameters → the list's filter input, typed by the schema (comma-separated or repeated for lists). */
export function filterFrom(schema: GraphQLSchema, list: CsvList | SheetList, params: URLSearchParams): Record<string, unknown> {
  const type = schema.getType(list.filterType);
  if (!(type instanceof GraphQLInputObjectType)) throw new Error(`${list.filterType} is not an input type of the API`);
  const fields = type.getFields();
  const filter: Record<string, unknown> = {};
  for (const name of new Set(params.keys())) {
    const field = fields[name];
    if (!field) {
      throw new ExportError(400, `unknown filter "${name}"; ${list.field} filters by ${Object.keys(fields).join(', ')}`, 'BAD_USER_INPUT');
    }
    const values = params
      .getAll(name)
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter(Boolean);
    const listType = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
    filter[name] = listType ? values.map((value) => scalarFrom(field.type, value)) : scalarFrom(field.type, params.get(name)!);
  }
  return filter;
}

function scalarFrom(type: GraphQLInputType, value: string): unknown {
  switch (getNamedType(type).name) {
    case 'Int':
    case 'Float':
      return value.trim() === '' || Number.isNaN(Number(value)) ? value : Number(value);
    case 'Boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    default:
      return value;
  }
}

function isSheet(list: CsvList | SheetList): list is SheetList {
  return 'sheet' in list;
}

export interface CsvExportOptions {
  apollo: ApolloServer<GatewayContext>;
  schema: () => GraphQLSchema;
  /** Identifies the caller and spends their rate limit, as for a GraphQL request. */
  admit: (req: IncomingMessage) => Promise<GatewayContext>;
  log: Logger;
}

/**
 * `GET /export/<list>.csv?<filter>`: the list as CSV (UTF-8 with a BOM, so Excel shows Chinese
 * names), streamed page by page with the caller's own credentials through the same GraphQL field
 * a client would page through: the same filters, the same authorization, constant memory.
 * An error before the first row is a GraphQL error with its status; one after it aborts the
 * download, so a cut file is never mistaken for a whole one.
 */
export function csvExports(options: CsvExportOptions) {
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    try {
      const name = /^\/export\/([a-z-]+)\.csv$/.exec(path)?.[1];
      const list: CsvList | SheetList | undefined = name ? (CSV_LISTS[name] ?? SHEET_LISTS[name]) : undefined;
      if (!list) {
        const names = [...Object.keys(CSV_LISTS), ...Object.keys(SHEET_LISTS)].sort();
        throw new ExportError(404, `no export ${path}; there are ${names.map((n) => `/export/${n}.csv`).join(', ')}`, 'NOT_FOUND');
      }
      if (req.method !== 'GET') throw new ExportError(405, 'exports are downloaded with GET', 'BAD_REQUEST');
      const filter = filterFrom(options.schema(), list, new URL(req.url ?? '/', 'http://localhost').searchParams);
      const context = await options.admit(req);
      const rows = isSheet(list) ? 'spreadsheet { columns rows }' : `nodes { ${list.selection} }`;
      const query = `query Export($filter: ${list.filterType}, $first: Int, $after: String) { page: ${list.field}(filter: $filter, first: $first, after: $after) { pageInfo { hasNextPage endCursor } ${rows} } }`;
      const first = isSheet(list) ? list.pageSize : PAGE;
      let after: string | null = null;
      // one 'drain' listener for the whole download: with compression on, res.once('drain') attaches
      // to the zlib stream but removes itself from res, so every full buffer left one behind
      let drained: (() => void) | undefined;
      res.on('drain', () => {
        drained?.();
        drained = undefined;
      });
      do {
        const response: GraphQLResponse<ExportPage> = await options.apollo.executeOperation<ExportPage>(
          { query, variables: { filter, first, after } },
          { contextValue: { ...context, derived: true } },
        );
        const result: SingleResult | undefined = response.body.kind === 'single' ? response.body.singleResult : undefined;
        const error = result?.errors?.[0];
        if (!result?.data?.page || error) {
          const code = String(error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
          throw new ExportError(
            code === 'BAD_USER_INPUT' ? 400 : code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : 500,
            error?.message ?? 'the export failed',
            code,
          );
        }
        if (!res.headersSent) {
          res.writeHead(200, {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="${name}.csv"`,
            'cache-control': 'no-store',
            'x-request-id': context.requestId,
          });
          const titles = isSheet(list) ? (result.data.page.spreadsheet?.columns ?? []) : Object.keys(list.columns);
          res.write(`\uFEFF${stringify([titles])}`);
        }
        const page = result.data.page;
        const lines = isSheet(list) ? (page.spreadsheet?.rows ?? []) : (page.nodes ?? []).flatMap((node) => rowsOf(list, node));
        if (lines.length && !res.write(stringify(lines))) await new Promise<void>((resolve) => (drained = resolve));
        after = result.data.page.pageInfo.hasNextPage ? result.data.page.pageInfo.endCursor : null;
      } while (after && !res.destroyed);
      res.end();
    } catch (error) {
      if (res.headersSent) return void res.destroy(error as Error);
      if (error instanceof ExportError) return sendError(res, error.status, error.message, error.code);
      if (error instanceof GraphQLError) {
        // refused while admitting the caller: UNAUTHENTICATED (401), RATE_LIMITED (429, retry-after)
        const http = error.extensions.http as { status?: number; headers?: Map<string, string> } | undefined;
        for (const [header, value] of http?.headers ?? []) res.setHeader(header, value);
        return sendError(res, http?.status ?? 400, error.message, String(error.extensions.code ?? 'BAD_REQUEST'));
      }
      options.log.error({ err: error, path }, 'CSV export failed');
      sendError(res, 500, 'the export failed; the error is in the gateway log', 'INTERNAL_SERVER_ERROR');
    }
  };
}
