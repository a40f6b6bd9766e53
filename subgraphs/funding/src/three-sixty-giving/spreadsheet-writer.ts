import { JsonNumber, type JsonValue } from './exact-json';
import { STATUS_FIELD } from './grant-record';

/**
 * Writes 360Giving grant objects in the standard's spreadsheet layout (CSV): its column titles,
 * one grant a row, nested titles joined by `:`, repeated objects numbered (`Beneficiary
 * Location:0:Name`, `Beneficiary Location:1:Name`) when some grant has more than one. The import
 * reads the same titles back (spreadsheet-layout.ts).
 */

type Leaf = readonly [title: string, key: string];

const ORGANIZATION: readonly Leaf[] = [
  ['Identifier', 'id'],
  ['Name', 'name'],
  ['Charity Number', 'charityNumber'],
  ['Company Number', 'companyNumber'],
  ['Street Address', 'streetAddress'],
  ['City', 'addressLocality'],
  ['County', 'addressRegion'],
  ['Postal Code', 'postalCode'],
  ['Country', 'addressCountry'],
  ['Web Address', 'url'],
];

/** Repeated objects and their fields, in the order of the columns. */
const REPEATED: Record<string, { title: string; fields: readonly Leaf[] }> = {
  beneficiaryLocation: {
    title: 'Beneficiary Location',
    fields: [
      ['Name', 'name'],
      ['Country Code', 'countryCode'],
      ['Geographic Code', 'geoCode'],
      ['Geographic Code Type', 'geoCodeType'],
    ],
  },
  classifications: {
    title: 'Classifications',
    fields: [
      ['Vocabulary', 'vocabulary'],
      ['Code', 'code'],
      ['Title', 'title'],
    ],
  },
};

/** How many of each repeated object the widest grant of the export has. */
export type RepeatCounts = Record<keyof typeof REPEATED, number>;

export interface SpreadsheetColumn {
  title: string;
  value(grant: Record<string, JsonValue>): JsonValue | undefined;
}

function objectAt(value: JsonValue | undefined, index: number): Record<string, JsonValue> | undefined {
  const item = Array.isArray(value) ? value[index] : undefined;
  return item && typeof item === 'object' && !Array.isArray(item) && !(item instanceof JsonNumber) ? item : undefined;
}

function leaf(title: string, key: string): SpreadsheetColumn {
  return { title, value: (grant) => grant[key] };
}

function nested(prefix: string, list: string, index: number, [title, key]: Leaf): SpreadsheetColumn {
  return { title: `${prefix}:${title}`, value: (grant) => objectAt(grant[list], index)?.[key] };
}

/** The columns of an export whose grants have at most `counts` of each repeated object. */
export function spreadsheetColumns(counts: RepeatCounts): SpreadsheetColumn[] {
  const columns: SpreadsheetColumn[] = [
    leaf('Identifier', 'id'),
    leaf('Title', 'title'),
    leaf('Description', 'description'),
    leaf('Currency', 'currency'),
    leaf('Amount Applied For', 'amountAppliedFor'),
    leaf('Amount Awarded', 'amountAwarded'),
    leaf('Amount Disbursed', 'amountDisbursed'),
    leaf('Award Date', 'awardDate'),
    leaf('URL', 'url'),
    nested('Planned Dates', 'plannedDates', 0, ['Start Date', 'startDate']),
    nested('Planned Dates', 'plannedDates', 0, ['End Date', 'endDate']),
    nested('Planned Dates', 'plannedDates', 0, ['Duration (months)', 'duration']),
    ...ORGANIZATION.map((field) => nested('Recipient Org', 'recipientOrganization', 0, field)),
    ...ORGANIZATION.map((field) => nested('Funding Org', 'fundingOrganization', 0, field)),
    nested('Grant Programme', 'grantProgramme', 0, ['Code', 'code']),
    nested('Grant Programme', 'grantProgramme', 0, ['Title', 'title']),
    nested('Grant Programme', 'grantProgramme', 0, ['URL', 'url']),
  ];
  for (const [list, { title, fields }] of Object.entries(REPEATED)) {
    const count = Math.max(1, counts[list as keyof RepeatCounts] ?? 1);
    for (let index = 0; index < count; index++) {
      for (const field of fields) columns.push(nested(count > 1 ? `${title}:${index}` : title, list, index, field));
    }
  }
  columns.push(
    leaf('From An Open Call?', 'fromOpenCall'),
    leaf('Data Source', 'dataSource'),
    leaf('Last Modified', 'dateModified'),
    leaf('NGOHub Status', STATUS_FIELD),
  );
  return columns;
}

/** A cell's text: exact numbers as written, lists and objects left out (the layout has no cell for them). */
export function cellText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (value instanceof JsonNumber) return value.text;
  if (typeof value === 'object') return '';
  return String(value);
}

/** How many of each repeated object a grant has. */
export function repeatCountsOf(grant: Record<string, JsonValue>): RepeatCounts {
  const count = (value: JsonValue | undefined) => (Array.isArray(value) ? value.length : 0);
  return { beneficiaryLocation: count(grant.beneficiaryLocation), classifications: count(grant.classifications) };
}
