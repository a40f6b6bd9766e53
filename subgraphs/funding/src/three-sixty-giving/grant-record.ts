import { CauseArea, optionalText, optionalUrl, requiredText, UserInputError } from '@ngo-hub/kit';
import { GrantStatus } from '../entities/grant';
import { amountOf } from './amount';
import { causeAreasOf, type Classification } from './classifications';
import { JsonNumber, type JsonValue } from './exact-json';
import { parseOrgId, type OrgId } from './org-id';

/** An organization as a 360Giving grant names it. */
export interface OrganizationMention extends OrgId {
  name: string;
  city?: string;
  website?: string;
}

/** A 360Giving grant, checked and ready to write. */
export interface GrantRecord {
  row: number;
  identifier: string;
  title: string;
  description?: string;
  amount: string;
  currency: string;
  awardDate: string;
  plannedStartDate?: string;
  plannedEndDate?: string;
  recipient: OrganizationMention;
  funder: OrganizationMention;
  /** 360Giving grantProgramme: its code (or title when it has none) finds the funder's programme. */
  programme?: { code: string; title: string };
  beneficiaryLocation?: string;
  causeAreas: CauseArea[];
  status: GrantStatus;
}

/** The hub's own extension field: a grant's status, so an export imports back as it was. */
export const STATUS_FIELD = 'ngohubStatus';

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

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;

/** A 360Giving date or date-time, as the calendar date it names. */
export function dateOf(value: JsonValue | undefined, field: string, required: true): string;
export function dateOf(value: JsonValue | undefined, field: string, required?: false): string | undefined;
export function dateOf(value: JsonValue | undefined, field: string, required = false): string | undefined {
  const raw = text(value)?.trim();
  if (!raw) {
    if (required) throw new UserInputError(`${field} is missing`, field);
    return undefined;
  }
  const match = DATE.exec(raw);
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
  if (!match || !date || date.getUTCMonth() !== +match[2] - 1 || date.getUTCDate() !== +match[3] || +match[1] < 1900 || +match[1] > 2100) {
    throw new UserInputError(`${field} ${JSON.stringify(raw)} is not a date such as 2017-11-21 or 2017-11-21T00:00:00Z`, field);
  }
  return `${match[1]}-${match[2]}-${match[3]}`;
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
  return { ...orgId, name, city: optionalText(text(organization.addressLocality), `${field}.0.addressLocality`, 100), website };
}

const STATUSES = new Set<string>(Object.values(GrantStatus));

/**
 * Checks one element of a 360Giving `grants` array and maps it onto the hub's grant. Throws
 * UserInputError naming the 360Giving field (e.g. `amountAwarded`, `recipientOrganization.0.id`).
 */
export function readGrantRecord(value: JsonValue, row: number): GrantRecord {
  if (!isObject(value)) throw new UserInputError('a grant must be a JSON object', 'grant');
  const identifier = requiredText(text(value.id), 'id', 200);
  if (!/^360G-\S+$/.test(identifier)) throw new UserInputError(`id must start with "360G-" and contain no spaces (got ${JSON.stringify(identifier)})`, 'id');
  if (value.recipientIndividual !== undefined && value.recipientOrganization === undefined) {
    throw new UserInputError('grants to individuals are not recorded: the hub records grants to organizations', 'recipientIndividual');
  }
  const amount = amountOf(plainDecimal(value.amountAwarded, 'amountAwarded'), requiredText(text(value.currency), 'currency', 3));
  const planned = firstOf(value.plannedDates, 'plannedDates');
  const plannedStartDate = dateOf(planned?.startDate, 'plannedDates.0.startDate');
  const plannedEndDate = dateOf(planned?.endDate, 'plannedDates.0.endDate');
  if (plannedStartDate && plannedEndDate && plannedEndDate < plannedStartDate) {
    throw new UserInputError(`plannedDates.0.endDate (${plannedEndDate}) is before its startDate (${plannedStartDate})`, 'plannedDates.0.endDate');
  }
  const programme = firstOf(value.grantProgramme, 'grantProgramme');
  const programmeCode = optionalText(text(programme?.code) ?? text(programme?.title), 'grantProgramme.0.code', 200);
  const locations = Array.isArray(value.beneficiaryLocation) ? value.beneficiaryLocation : [];
  const location = locations
    .map((l) => (isObject(l) ? text(l.name)?.trim() : undefined))
    .filter((name): name is string => Boolean(name))
    .join('; ');
  const status = text(value[STATUS_FIELD]);
  if (status !== undefined && !STATUSES.has(status)) {
    throw new UserInputError(`${STATUS_FIELD} must be one of ${[...STATUSES].join(', ')} (got ${JSON.stringify(status)})`, STATUS_FIELD);
  }
  return {
    row,
    identifier,
    title: requiredText(text(value.title), 'title', 500),
    description: optionalText(text(value.description), 'description', 10000),
    amount: amount.amount,
    currency: amount.currency,
    awardDate: dateOf(value.awardDate, 'awardDate', true),
    plannedStartDate,
    plannedEndDate,
    recipient: organizationOf(value.recipientOrganization, 'recipientOrganization'),
    funder: organizationOf(value.fundingOrganization, 'fundingOrganization'),
    programme: programmeCode ? { code: programmeCode, title: optionalText(text(programme?.title), 'grantProgramme.0.title', 300) ?? programmeCode } : undefined,
    beneficiaryLocation: optionalText(location, 'beneficiaryLocation', 1000),
    causeAreas: causeAreasOf((Array.isArray(value.classifications) ? value.classifications.filter(isObject) : []) as Classification[]),
    status: (status as GrantStatus | undefined) ?? GrantStatus.AWARDED,
  };
}
