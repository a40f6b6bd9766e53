import { UserInputError } from '@ngo-hub/kit';
import { isCountryCode } from './country';

/**
 * org-id.guide identifiers: a list code (country + register, e.g. GB-CHC for the Charity
 * Commission, CN-USCI for the Unified Social Credit Code) and the organization's number in that
 * list. 360Giving publishers without one write `360G-<their prefix>-<their own id>`.
 */
const ORG_ID = /^([A-Za-z]{2})-([A-Za-z0-9]+)-(\S+)$/;
const PUBLISHER_ID = /^360G-\S+$/i;
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export interface OrgId {
  /** The identifier as the hub keeps it: list code upper-case, the number as written. */
  value: string;
  /** ISO 3166 country of the list, when the list is a country's (not XI-, XM-, 360G-). */
  country?: string;
  /** The Unified Social Credit Code of a CN-USCI identifier. */
  creditCode?: string;
}

export const CN_USCI = 'CN-USCI-';

/** Parses an org-id; `field` names where it was, for the rejection. */
export function parseOrgId(value: unknown, field: string): OrgId {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw new UserInputError(`${field} is missing: every organization of a 360Giving grant has an org-id`, field);
  if (PUBLISHER_ID.test(text)) return { value: `360G-${text.slice(5)}` };
  const match = ORG_ID.exec(text);
  if (!match || text.length > 200) {
    throw new UserInputError(`${field} ${JSON.stringify(text)} is not an org-id.guide identifier such as GB-CHC-1164859 or CN-USCI-<credit code>`, field);
  }
  const country = match[1].toUpperCase();
  const orgId: OrgId = { value: `${country}-${match[2].toUpperCase()}-${match[3]}` };
  if (isCountryCode(country)) orgId.country = country;
  if (orgId.value.startsWith(CN_USCI)) {
    const code = match[3].toUpperCase();
    if (!CREDIT_CODE.test(code)) {
      throw new UserInputError(
        `${field} ${JSON.stringify(text)}: a Unified Social Credit Code has 18 characters from 0-9 and A-Y without I, O, S, V, Z`,
        field,
      );
    }
    orgId.value = `${CN_USCI}${code}`;
    orgId.creditCode = code;
  }
  return orgId;
}

/** The identifier the export gives an organization the hub knows by no org-id: the hub's own publisher prefix. */
export function hubOrgId(organizationId: string): string {
  return `360G-ngohub-org-${organizationId}`;
}
