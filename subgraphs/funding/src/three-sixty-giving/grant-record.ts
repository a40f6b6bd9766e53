import { createHash } from 'node:crypto';
import { CauseArea, optionalText, optionalUrl, requiredText, UserInputError } from '@ngo-hub/kit';
import { GrantStatus } from '../entities/grant';
import { amountOf } from './amount';
import { causeAreasOf, type Classification } from './classifications';
import { JsonNumber, stringifyExactJson, type JsonValue } from './exact-json';
import { countryCodeOf } from './country';
import { DateReader } from './dates';
import { parseOrgId, type OrgId } from './org-id';

/** An organization as a 360Giving grant names it. */
export interface OrganizationMention extends OrgId {
  name: string;
  city?: string;
  website?: string;
  /** The organization object as the file wrote it (address, numbers, url …), kept and exported as it was. */
  published: Record<string, JsonValue>;
}

/** A 360Giving grant, checked and ready to write. */
export interface GrantRecord {
  row: number;
  identifier: string;
  title: string;
  description?: string;
  amount: string;
  currency: string;
  /** amountDisbursed as published, exact, in the grant's currency. */
  amountDisbursed?: string;
  awardDate: string;
  plannedStartDate?: string;
  plannedEndDate?: string;
  /** plannedDates.0.duration: months. */
  plannedDuration?: number;
  /** dateModified as an ISO date-time. */
  dateModified?: string;
  recipient: OrganizationMention;
  funder: OrganizationMention;
  /** 360Giving grantProgramme: its code (or title when it has none) finds the funder's programme. */
  programme?: { code: string; title: string };
  /** grantProgramme as published (code, title, url, …). */
  grantProgramme?: JsonValue[];
  beneficiaryLocation?: string;
  /** beneficiaryLocation as published (name, countryCode, geoCode, geoCodeType). */
  beneficiaryLocations?: JsonValue[];
  /** classifications as published (vocabulary, code, title). */
  classifications?: JsonValue[];
  causeAreas: CauseArea[];
  /** The file's ngohubStatus, when it gave one. */
  statusGiven?: GrantStatus;
  status: GrantStatus;
  /** additional_data, as JSON text with its keys in order and its numbers as written. */
  additionalData?: string;
  /** The grant's other 360Giving fields (amountAppliedFor, actualDates, fromOpenCall, dataSource, …), as published. */
  otherFields?: Record<string, JsonValue>;
  /**
   * What the file says beyond the hub's columns, as JSON text with numbers as written: the
   * organizations as published, grantProgramme, beneficiaryLocation, classifications and the other fields.
   */
  published: string;
  /** Hash of everything above but the row: a re-import compares it to know whether the grant changed. */
  contentHash: string;
}

/** The hub's own extension field: a grant's status, so an export imports back as it was. */
export const STATUS_FIELD = 'ngohubStatus';

/** Top-level fields of a grant the hub reads into columns of its own; any other is kept in otherFields. */
const MAPPED_FIELDS = new Set([
  'id',
  'title',
  'description',
  'currency',
  'amountAwarded',
  'amountDisbursed',
  'awardDate',
  'plannedDates',
  'recipientOrganization',
  'fundingOrganization',
  'grantProgramme',
  'beneficiaryLocation',
  'classifications',
  'dateModified',
  'additional_data',
  STATUS_FIELD,
]);

type JsonObject = { [key: string]: JsonValue };

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof JsonNumber);
}

function text(value: JsonValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (value instanceof JsonNumber) return value.text;
  return undefined;
}

function firstOf(value: JsonValue | undefined, field: string): JsonObject | undefined {
  if (value === undefined || value === null) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  if (!isObject(first)) throw new UserInputError(`${field} must be a list of objects`, field);
  return first;
}

/** A JSON number (or decimal string) as plain decimal text, exponent notation expanded exactly. */
export function plainDecimal(value: JsonValue | undefined, field: string): string {
  const raw = text(value)?.trim();
  const match = raw === undefined ? null : /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(raw);
  if (!match) throw new UserInputError(`${field} must be a number such as 116471 or 1250.50 (got ${JSON.stringify(raw ?? value ?? null)})`, field);
  const [, sign, whole, fraction = '', exponentText] = match;
  if (!exponentText) return raw!;
  const exponent = Number(exponentText);
  if (Math.abs(exponent) > 30) throw new UserInputError(`${field} ${raw} is out of range`, field);
  const digits = whole + fraction;
  const point = whole.length + exponent;
  const padded = point <= 0 ? '0'.repeat(1 - point) + digits : point >= digits.length ? digits + '0'.repeat(point - digits.length) : digits;
  const at = Math.max(point, 1);
  const integer = padded.slice(0, at).replace(/^0+(?=\d)/, '');
  const rest = padded.slice(at).replace(/0+$/, '');
  return `${sign}${integer}${rest ? `.${rest}` : ''}`;
}

function organizationOf(list: JsonValue | undefined, field: string): OrganizationMention {
  const organization = firstOf(list, field);
  if (!organization) throw new UserInputError(`${field} is missing`, field);
  const orgId = parseOrgId(text(organization.id), `${field}.0.id`);
  const name = requiredText(text(organization.name), `${field}.0.name`, 300);
  let website: string | undefined;
  try {
    website = optionalUrl(text(organization.url), `${field}.0.url`);
  } catch {
    website = undefined; // a malformed website is not worth losing the grant for
  }
  const country = countryCodeOf(text(organization.addressCountry)) ?? orgId.country;
  return {
    ...orgId,
    country,
    name,
    city: optionalText(text(organization.addressLocality), `${field}.0.addressLocality`, 100),
    website,
    published: organization,
  };
}

function listOf(value: JsonValue | undefined, field: string): JsonValue[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value : [value];
  if (list.some((item) => !isObject(item))) throw new UserInputError(`${field} must be a list of objects`, field);
  return list.length ? list : undefined;
}

function durationOf(value: JsonValue | undefined, field: string): number | undefined {
  const raw = text(value)?.trim();
  if (!raw) return undefined;
  const months = Number(raw);
  if (!Number.isInteger(months) || months < 0 || months > 1200)
    throw new UserInputError(`${field} must be a whole number of months (got ${JSON.stringify(raw)})`, field);
  return months;
}

const STATUSES = new Set<string>(Object.values(GrantStatus));

/**
 * Checks one element of a 360Giving `grants` array (or one unflattened spreadsheet row) and maps
 * it onto the hub's grant, keeping what the hub has no column for as published. Dates are read
 * with the file's DateReader. Throws UserInputError naming the 360Giving field (e.g.
 * `amountAwarded`, `recipientOrganization.0.id`), AmbiguousDateError while the file's day/month
 * order is unknown.
 */
export function readGrantRecord(value: JsonValue, row: number, dates: DateReader = new DateReader()): GrantRecord {
  if (!isObject(value)) throw new UserInputError('a grant must be a JSON object', 'grant');
  const identifier = requiredText(text(value.id), 'id', 200);
  if (!/^360G-\S+$/.test(identifier)) throw new UserInputError(`id must start with "360G-" and contain no spaces (got ${JSON.stringify(identifier)})`, 'id');
  if (value.recipientIndividual !== undefined && value.recipientOrganization === undefined) {
    throw new UserInputError('grants to individuals are not recorded: the hub records grants to organizations', 'recipientIndividual');
  }
  const currencyText = requiredText(text(value.currency), 'currency', 3);
  const amount = amountOf(plainDecimal(value.amountAwarded, 'amountAwarded'), currencyText);
  const disbursed = text(value.amountDisbursed)?.trim()
    ? amountOf(plainDecimal(value.amountDisbursed, 'amountDisbursed'), currencyText, 'amountDisbursed').amount
    : undefined;
  const date = (raw: JsonValue | undefined, field: string) => {
    const written = text(raw)?.trim();
    return written ? dates.date(written, field) : undefined;
  };
  const awardDate = date(value.awardDate, 'awardDate');
  if (!awardDate) throw new UserInputError('awardDate is missing', 'awardDate');
  const planned = firstOf(value.plannedDates, 'plannedDates');
  const plannedStartDate = date(planned?.startDate, 'plannedDates.0.startDate');
  const plannedEndDate = date(planned?.endDate, 'plannedDates.0.endDate');
  if (plannedStartDate && plannedEndDate && plannedEndDate < plannedStartDate) {
    throw new UserInputError(`plannedDates.0.endDate (${plannedEndDate}) is before its startDate (${plannedStartDate})`, 'plannedDates.0.endDate');
  }
  const modified = text(value.dateModified)?.trim();
  const dateModified = modified ? dates.dateTime(modified, 'dateModified') : undefined;
  const grantProgramme = listOf(value.grantProgramme, 'grantProgramme');
  const programme = grantProgramme?.[0] as JsonObject | undefined;
  const programmeCode = optionalText(text(programme?.code) ?? text(programme?.title), 'grantProgramme.0.code', 200);
  const beneficiaryLocations = listOf(value.beneficiaryLocation, 'beneficiaryLocation');
  const location = (beneficiaryLocations ?? [])
    .map((l) => text((l as JsonObject).name)?.trim())
    .filter((name): name is string => Boolean(name))
    .join('; ');
  const classifications = listOf(value.classifications, 'classifications');
  const status = text(value[STATUS_FIELD]);
  if (status !== undefined && !STATUSES.has(status)) {
    throw new UserInputError(`${STATUS_FIELD} must be one of ${[...STATUSES].join(', ')} (got ${JSON.stringify(status)})`, STATUS_FIELD);
  }
  const otherFields: Record<string, JsonValue> = {};
  for (const [key, field] of Object.entries(value)) if (!MAPPED_FIELDS.has(key) && field !== null) otherFields[key] = field;
  const additional = value.additional_data;
  const content = {
    identifier,
    title: requiredText(text(value.title), 'title', 500),
    description: optionalText(text(value.description), 'description', 10000),
    amount: amount.amount,
    currency: amount.currency,
    amountDisbursed: disbursed,
    awardDate,
    plannedStartDate,
    plannedEndDate,
    plannedDuration: durationOf(planned?.duration, 'plannedDates.0.duration'),
    dateModified,
    recipient: organizationOf(value.recipientOrganization, 'recipientOrganization'),
    funder: organizationOf(value.fundingOrganization, 'fundingOrganization'),
    programme: programmeCode ? { code: programmeCode, title: optionalText(text(programme?.title), 'grantProgramme.0.title', 300) ?? programmeCode } : undefined,
    grantProgramme,
    beneficiaryLocation: optionalText(location, 'beneficiaryLocation', 1000),
    beneficiaryLocations,
    classifications,
    causeAreas: causeAreasOf((classifications ?? []) as Classification[]),
    statusGiven: status as GrantStatus | undefined,
    status: (status as GrantStatus | undefined) ?? GrantStatus.AWARDED,
    additionalData: additional === undefined || additional === null ? undefined : stringifyExactJson(additional),
    otherFields: Object.keys(otherFields).length ? otherFields : undefined,
  };
  const published = stringifyExactJson({
    recipientOrganization: [content.recipient.published],
    fundingOrganization: [content.funder.published],
    grantProgramme,
    beneficiaryLocation: beneficiaryLocations,
    classifications,
    ...content.otherFields,
  });
  // everything the grant's columns hold comes from these: their hash tells a changed grant
  const hashed = JSON.stringify([
    identifier,
    content.title,
    content.description,
    content.amount,
    content.currency,
    disbursed,
    awardDate,
    plannedStartDate,
    plannedEndDate,
    content.plannedDuration,
    dateModified,
    content.recipient.value,
    content.recipient.name,
    content.funder.value,
    content.funder.name,
    content.programme?.code,
    content.programme?.title,
    content.beneficiaryLocation,
    content.causeAreas,
    content.statusGiven,
    content.additionalData,
    published,
  ]);
  return { row, ...content, published, contentHash: createHash('sha1').update(hashed).digest('base64url') };
}
