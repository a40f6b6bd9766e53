import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { ConflictError, UserInputError } from '@ngo-hub/kit';
import type { Organization } from '../entities/organization';
import { orgIdOf } from './credit-code';

const CN_USCI = 'CN-USCI-';
const PUBLISHER_ID = /^360G-\S+$/i;
const ORG_ID = /^([A-Za-z]{2})-([A-Za-z0-9]+)-(\S+)$/;
const MAX_ORG_IDS = 20;
/** The most org-ids a filter takes: one lookup for a whole import batch. */
export const MAX_FILTER_ORG_IDS = 5000;

/** An org-id as the hub keeps it: the list code upper-case (GB-CHC-, 360G-), the number as written; undefined when it is not one. */
export function normalOrgId(value: string): string | undefined {
  const text = value.trim();
  if (!text || text.length > 200) return undefined;
  if (PUBLISHER_ID.test(text)) return `360G-${text.slice(5)}`;
  const match = ORG_ID.exec(text);
  if (!match) return undefined;
  const list = `${match[1]}-${match[2]}`.toUpperCase();
  return list === 'CN-USCI' ? `${CN_USCI}${match[3].toUpperCase()}` : `${list}-${match[3]}`;
}

/** Checks the org-ids an organization is published with (CreateOrganizationInput.orgIds); the credit code's stays in the registration. */
export function publishedOrgIdsOf(values: readonly string[] | null | undefined, field = 'orgIds'): string[] {
  if (!values) return [];
  if (values.length > MAX_ORG_IDS) throw new UserInputError(`${field} holds at most ${MAX_ORG_IDS} identifiers`, field);
  const ids = new Set<string>();
  for (const value of values) {
    const id = normalOrgId(value);
    if (!id) throw new UserInputError(`${field}: ${JSON.stringify(value)} is not an org-id.guide identifier such as GB-CHC-1164859 or 360G-EFF-001`, field);
    if (id.startsWith(CN_USCI)) {
      throw new UserInputError(`${field}: ${id} is a Unified Social Credit Code; give it as registration.creditCode, where it is checked`, field);
    }
    ids.add(id);
  }
  return [...ids];
}

/** Every org-id of an organization: its credit code's first, then those it was published with. */
export function orgIdsOf(organization: Organization): string[] {
  const code = organization.registration.creditCode;
  return [...(code ? [orgIdOf(code)] : []), ...organization.publishedOrgIds];
}

/** The `orgIds` filter: organizations known by any of the identifiers (published ones, or a credit code's CN-USCI-…). */
export function orgIdsCondition(values: readonly string[]): FilterQuery<Organization> {
  if (values.length > MAX_FILTER_ORG_IDS) throw new UserInputError(`orgIds takes at most ${MAX_FILTER_ORG_IDS} identifiers`, 'orgIds');
  const ids = [...new Set(values.map((v) => normalOrgId(v)).filter((v): v is string => Boolean(v)))];
  const codes = ids.filter((id) => id.startsWith(CN_USCI)).map((id) => id.slice(CN_USCI.length));
  const published = ids.filter((id) => !id.startsWith(CN_USCI));
  const options: FilterQuery<Organization>[] = [];
  if (published.length) options.push({ publishedOrgIds: { $overlap: published } });
  if (codes.length) options.push({ registration: { creditCode: { $in: codes } } });
  return options.length ? { $or: options } : { id: { $in: [] } };
}

/** The `creditCodes` filter: organizations registered under any of the codes (compared upper-case, as the hub keeps them). */
export function creditCodesCondition(values: readonly string[]): FilterQuery<Organization> {
  if (values.length > MAX_FILTER_ORG_IDS) throw new UserInputError(`creditCodes takes at most ${MAX_FILTER_ORG_IDS} codes`, 'creditCodes');
  const codes = [...new Set(values.map((value) => value.trim().toUpperCase()).filter(Boolean))];
  return { registration: { creditCode: { $in: codes } } };
}

/**
 * Refuses (CONFLICT) org-ids another organization already has. Each identifier is locked for the
 * transaction first (an advisory lock on its hash), so two imports creating the same recipient
 * at once cannot both succeed.
 */
export async function assertOrgIdsFree(tx: EntityManager, organization: Organization): Promise<void> {
  const taken = await orgIdsTaken(tx, organization.publishedOrgIds, organization.id);
  const [orgId, holder] = [...taken][0] ?? [];
  if (orgId) throw new ConflictError(`organization ${holder} already has the org-id ${orgId}`, { field: 'orgIds', organizationId: holder });
}

/**
 * Which of these org-ids an organization of the hub (other than `except`) already has: org-id →
 * that organization's id. Locks each org-id for the transaction first (advisory locks, in a fixed
 * order), so two writers cannot both find one free.
 */
export async function orgIdsTaken(tx: EntityManager, ids: readonly string[], except?: string): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const list = `{${[...new Set(ids)].map((id) => `"${id.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
  // one round trip: the locks (an init plan, taken first, in a fixed order), then the look-up
  const rows = await tx.getConnection().execute<{ id: string; org_id: string }[]>(
    `select o.id, x.org_id
       from organizations.organization o cross join lateral unnest(o.published_org_ids) as x(org_id)
      where (select count(*) from (select pg_advisory_xact_lock(hashtext('org-id ' || id)) from unnest(?::text[]) as id order by id) as locks) >= 0
        and o.published_org_ids && ?::text[] and o.id is distinct from ?`,
    [list, list, except ?? null],
    'all',
    tx.getTransactionContext(),
  );
  const wanted = new Set(ids);
  return new Map(rows.filter((row) => wanted.has(row.org_id)).map((row) => [row.org_id, row.id]));
}
