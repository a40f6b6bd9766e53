import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import { Readable } from 'node:stream';
import { JsonSyntaxError, parseExactJson, type JsonValue } from './exact-json';
import { readGrantTexts } from './grant-stream';
import { mergeChildRow, RowUnflattener, type Cell } from './spreadsheet-layout';

export type GrantFormat = 'json' | 'csv' | 'xlsx';
export const GRANT_FORMATS: readonly GrantFormat[] = ['json', 'csv', 'xlsx'];

/** A file of grants: its format, its name (kept on each grant it brings) and its bytes, readable once per import. */
export interface GrantSource {
  format: GrantFormat;
  /** The file's name as the grants keep it (no directories). */
  name: string;
  open(): AsyncIterable<Buffer | string>;
}

/** One grant of a file: its place (JSON: in the grants array, from 1; CSV and XLSX: the spreadsheet row, the header being row 1) and its object, or why it could not be read. */
export interface GrantItem {
  row: number;
  value?: JsonValue;
  /** Set when the row is not a readable grant (malformed JSON). */
  error?: string;
}

/** A file that cannot be read as grants at all, or past some point (the grants before it are imported). */
export class GrantFileError extends JsonSyntaxError {}

/** The format of a file by its extension: .json, .csv, .xlsx. */
export function formatOfFile(path: string): GrantFormat | undefined {
  const extension = extname(path).slice(1).toLowerCase();
  return (GRANT_FORMATS as readonly string[]).includes(extension) ? (extension as GrantFormat) : undefined;
}

export function fileSource(path: string, format: GrantFormat): GrantSource {
  return { format, name: basename(path), open: () => createReadStream(path, { highWaterMark: 1 << 20 }) };
}

/** A source of bytes in memory (tests, the gateway). */
export function bufferSource(content: Buffer | string, format: GrantFormat, name = `grants.${format}`): GrantSource {
  return { format, name, open: () => Readable.from([typeof content === 'string' ? Buffer.from(content) : content]) };
}

/** Counts the bytes of a source as they are read, for progress. */
async function* counted(source: AsyncIterable<Buffer | string>, onBytes?: (bytes: number) => void): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of source) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buffer.length;
    onBytes?.(bytes);
    yield buffer;
  }
}

/** The grants of a file, a batch at a time, whatever its format. */
export function readGrants(source: GrantSource, onBytes?: (bytes: number) => void): AsyncGenerator<GrantItem[]> {
  switch (source.format) {
    case 'json':
      return readJsonGrants(source.open(), onBytes);
    case 'csv':
      return readCsvGrants(counted(source.open(), onBytes));
    case 'xlsx':
      return readXlsxGrants(counted(source.open(), onBytes));
  }
}

async function* readJsonGrants(source: AsyncIterable<Buffer | string>, onBytes?: (bytes: number) => void): AsyncGenerator<GrantItem[]> {
  for await (const texts of readGrantTexts(source, onBytes)) {
    yield texts.map(({ row, text }) => {
      try {
        return { row, value: parseExactJson(text) };
      } catch (error) {
        if (!(error instanceof JsonSyntaxError)) throw error;
        return { row, error: `not valid JSON: ${error.message}` };
      }
    });
  }
}

const BATCH = 1000;

/** CSV in the standard's spreadsheet layout, streamed through csv-parse; the first line holds the column titles. */
async function* readCsvGrants(source: AsyncIterable<Buffer>): AsyncGenerator<GrantItem[]> {
  const parser = Readable.from(source).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
  let layout: RowUnflattener | undefined;
  let batch: GrantItem[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!layout) {
        layout = new RowUnflattener(record);
        if (!layout.hasIdentifier || !layout.hasAmount) {
          throw new GrantFileError(
            'the first line is not a header of the 360Giving spreadsheet layout: it needs the columns Identifier and Amount Awarded (and Currency, Award Date, Recipient Org:Identifier …)',
          );
        }
        continue;
      }
      if (record.every((cell) => !cell.trim())) continue;
      batch.push({ row: info.lines, value: layout.grantOf(record) });
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    if (error instanceof GrantFileError) throw error;
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('CSV_')) {
      if (batch.length) yield batch;
      throw new GrantFileError(`not readable as CSV: ${(error as Error).message}`);
    }
    throw error;
  }
  if (!layout) throw new GrantFileError('the file is empty: a 360Giving CSV starts with a line of column titles');
  if (batch.length) yield batch;
}

/** An exceljs cell value as text, number, boolean or date. */
function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellOf(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return undefined;
  }
  return String(value);
}

/**
 * XLSX in the standard's spreadsheet layout, read with exceljs' streaming reader. The grants
 * sheet is the first one with Identifier and Amount Awarded columns; other sheets with an
 * Identifier column hold more repeated objects of those grants (a grant's further beneficiary
 * locations or classifications, as flatten-tool writes them) and are merged into them. The
 * grants are held until the last sheet is read: a workbook is at most a million rows.
 */
async function* readXlsxGrants(source: AsyncIterable<Buffer>): AsyncGenerator<GrantItem[]> {
  // exceljs is loaded for workbooks only: it takes a while to load, and JSON and CSV imports need none of it
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from(source), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const grants: GrantItem[] = [];
  const byId = new Map<string, Record<string, JsonValue>>();
  const children: Record<string, JsonValue>[] = [];
  let sawGrants = false;
  try {
    for await (const worksheet of reader) {
      let layout: RowUnflattener | undefined;
      let main = false;
      let skip = false;
      // every row is read, also of sheets skipped: the workbook is one stream
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        if (skip) continue;
        const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellOf);
        if (!layout) {
          layout = new RowUnflattener(values.map((v) => (v === undefined || v === null ? '' : String(v))));
          main = !sawGrants && layout.hasIdentifier && layout.hasAmount;
          if (main) sawGrants = true;
          skip = !layout.hasIdentifier; // a sheet of notes or look-ups
          continue;
        }
        if (values.every((v) => v === undefined || v === null || (typeof v === 'string' && !v.trim()))) continue;
        const grant = layout.grantOf(values);
        if (main) {
          grants.push({ row: row.number, value: grant });
          if (typeof grant.id === 'string' && !byId.has(grant.id)) byId.set(grant.id, grant);
        } else children.push(grant);
      }
    }
  } catch (error) {
    if (error instanceof GrantFileError) throw error;
    throw new GrantFileError(`not readable as an XLSX workbook: ${(error as Error).message}`);
  }
  if (!sawGrants) {
    throw new GrantFileError(
      'no sheet of the workbook is in the 360Giving spreadsheet layout: the grants sheet needs the columns Identifier and Amount Awarded',
    );
  }
  for (const child of children) {
    const grant = typeof child.id === 'string' ? byId.get(child.id) : undefined;
    if (grant) mergeChildRow(grant, child);
  }
  for (let start = 0; start < grants.length; start += BATCH) yield grants.slice(start, start + BATCH);
}
