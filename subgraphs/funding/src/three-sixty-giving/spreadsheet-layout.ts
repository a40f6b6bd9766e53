import { cellDateToIso, excelSerialToIso } from './dates';
import { JsonNumber, type JsonValue } from './exact-json';

/**
 * The 360Giving standard's spreadsheet layout (CSV and XLSX), as flatten-tool writes and reads it:
 * one grant a row, column titles from the schema's field titles (`Amount Awarded`), nested
 * objects' titles joined by `:` (`Recipient Org:Identifier`), repeated objects numbered
 * (`Beneficiary Location:0:Name`, `Beneficiary Location:1:Name`; without a number, the first).
 * Columns may also be JSON paths (`recipientOrganization/0/id`), flatten-tool's other mode.
 */

/** A JSON field of the schema, found by its title: its key, and for an object or array the titles inside it. */
interface FieldSpec {
  key: string;
  array?: boolean;
  fields?: Record<string, FieldSpec>;
}

const leaf = (key: string): FieldSpec => ({ key });
const list = (key: string, fields: Record<string, FieldSpec>): FieldSpec => ({ key, array: true, fields });

const LOCATION: Record<string, FieldSpec> = {
  identifier: leaf('id'),
  name: leaf('name'),
  description: leaf('description'),
  'country code': leaf('countryCode'),
  'geographic code': leaf('geoCode'),
  'geographic code type': leaf('geoCodeType'),
  latitude: leaf('latitude'),
  longitude: leaf('longitude'),
};

const ORGANIZATION: Record<string, FieldSpec> = {
  identifier: leaf('id'),
  name: leaf('name'),
  department: leaf('department'),
  'charity number': leaf('charityNumber'),
  'company number': leaf('companyNumber'),
  'street address': leaf('streetAddress'),
  city: leaf('addressLocality'),
  county: leaf('addressRegion'),
  'postal code': leaf('postalCode'),
  country: leaf('addressCountry'),
  description: leaf('description'),
  'web address': leaf('url'),
  url: leaf('url'),
  'telephone number': leaf('telephone'),
  location: list('location', LOCATION),
};

const DATES: Record<string, FieldSpec> = {
  'start date': leaf('startDate'),
  'end date': leaf('endDate'),
  'duration (months)': leaf('duration'),
  duration: leaf('duration'),
};

const TOP: Record<string, FieldSpec> = {
  identifier: leaf('id'),
  title: leaf('title'),
  description: leaf('description'),
  currency: leaf('currency'),
  'amount applied for': leaf('amountAppliedFor'),
  'amount awarded': leaf('amountAwarded'),
  'amount disbursed': leaf('amountDisbursed'),
  'award date': leaf('awardDate'),
  url: leaf('url'),
  'planned dates': list('plannedDates', DATES),
  'actual dates': list('actualDates', DATES),
  'recipient org': list('recipientOrganization', ORGANIZATION),
  'funding org': list('fundingOrganization', ORGANIZATION),
  'grant programme': list('grantProgramme', { code: leaf('code'), title: leaf('title'), description: leaf('description'), url: leaf('url') }),
  'beneficiary location': list('beneficiaryLocation', LOCATION),
  classifications: list('classifications', { vocabulary: leaf('vocabulary'), code: leaf('code'), title: leaf('title'), description: leaf('description') }),
  'last modified': leaf('dateModified'),
  'data source': leaf('dataSource'),
  'from an open call?': leaf('fromOpenCall'),
  'related activity': leaf('relatedActivity'),
  'ngohub status': leaf('ngohubStatus'),
};

/** Date fields: a number in them is an Excel serial date. */
const DATE_KEYS = new Set(['awardDate', 'startDate', 'endDate', 'dateModified']);

/** Where a column's value goes: a path of keys and array indexes; `extra` columns go to additional_data under their title. */
export type ColumnPath = { path: (string | number)[]; extra?: false } | { path: [string]; extra: true };

/** Maps one column title (or JSON path) onto the grant object. Unknown columns are kept in additional_data under their title. */
export function columnPath(header: string): ColumnPath {
  const title = header.trim();
  if (/^[a-z_][A-Za-z_]*(\/[A-Za-z_0-9]+)*$/.test(title) && !title.includes(' ')) {
    return { path: title.split('/').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) };
  }
  const parts = title.split(':').map((part) => part.trim());
  const path: (string | number)[] = [];
  let fields: Record<string, FieldSpec> | undefined = TOP;
  for (let i = 0; i < parts.length; i++) {
    const spec: FieldSpec | undefined = fields?.[parts[i].toLowerCase().replace(/\s+/g, ' ')];
    if (!spec) return { path: [title], extra: true };
    path.push(spec.key);
    if (spec.array) {
      const index = /^\d+$/.test(parts[i + 1] ?? '') ? Number(parts[++i]) : 0;
      path.push(index);
    }
    fields = spec.fields;
    if (!fields && i < parts.length - 1) return { path: [title], extra: true };
  }
  if (fields) return { path: [title], extra: true }; // an object's title alone holds no value
  return { path };
}

/** A cell as the spreadsheet holds it: CSV gives text, XLSX also numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null | undefined;

function valueOf(cell: Cell, key: string | number): JsonValue | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : cellDateToIso(cell);
  if (typeof cell === 'number') {
    if (typeof key === 'string' && DATE_KEYS.has(key)) return excelSerialToIso(cell) ?? String(cell);
    // a spreadsheet number is a double: 15 significant digits are what Excel keeps
    return new JsonNumber(String(Number(cell.toPrecision(15))));
  }
  if (typeof cell === 'boolean') return cell;
  const text = cell.trim();
  if (!text) return undefined;
  // amounts written with thousands separators (1,250.50) in spreadsheets
  if (typeof key === 'string' && key.startsWith('amount') && /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return text.replace(/,/g, '');
  return text;
}

/**
 * Turns spreadsheet rows into 360Giving grant objects. Built once per sheet from its header row;
 * `grantOf(row)` for each row.
 */
export class RowUnflattener {
  private readonly columns: ColumnPath[];

  constructor(readonly headers: readonly string[]) {
    this.columns = headers.map(columnPath);
  }

  /** Whether the sheet is one of grants (it has an Identifier column) and has Amount Awarded (the main sheet). */
  get hasIdentifier(): boolean {
    return this.columns.some((c) => !c.extra && c.path.length === 1 && c.path[0] === 'id');
  }

  get hasAmount(): boolean {
    return this.columns.some((c) => !c.extra && c.path[0] === 'amountAwarded');
  }

  grantOf(cells: readonly Cell[]): Record<string, JsonValue> {
    const grant: Record<string, JsonValue> = {};
    this.columns.forEach((column, i) => {
      const key = column.path[column.path.length - 1];
      const value = valueOf(cells[i], key);
      if (value === undefined) return;
      if (column.extra) {
        const extra = (grant.additional_data ??= {}) as Record<string, JsonValue>;
        extra[column.path[0]] = value;
        return;
      }
      set(grant, column.path, value);
    });
    // arrays numbered from 1, or with gaps, are closed up
    for (const [key, value] of Object.entries(grant)) if (Array.isArray(value)) grant[key] = compact(value);
    return grant;
  }
}

function set(target: Record<string, JsonValue>, path: readonly (string | number)[], value: JsonValue): void {
  let node: JsonValue = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const container = node as Record<string | number, JsonValue>;
    container[key] ??= typeof path[i + 1] === 'number' ? [] : {};
    node = container[key];
  }
  (node as Record<string | number, JsonValue>)[path[path.length - 1]] = value;
}

function compact(values: JsonValue[]): JsonValue[] {
  return values
    .filter((v) => v !== undefined)
    .map((v) => (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof JsonNumber) ? compactObject(v) : v));
}

function compactObject(value: { [key: string]: JsonValue }): { [key: string]: JsonValue } {
  for (const [key, item] of Object.entries(value)) if (Array.isArray(item)) value[key] = compact(item);
  return value;
}

/** Merges a child sheet's row (same Identifier, its own repeated objects) into its grant: arrays are appended. */
export function mergeChildRow(grant: Record<string, JsonValue>, child: Record<string, JsonValue>): void {
  for (const [key, value] of Object.entries(child)) {
    if (key === 'id') continue;
    const existing = grant[key];
    if (Array.isArray(value) && Array.isArray(existing)) existing.push(...value);
    else if (existing === undefined) grant[key] = value;
  }
}
