import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { afterCondition, isUuid, pgArray, query, tableOf } from '@ngo-hub/kit';
import { Disbursement } from '../entities/disbursement';
import { FundingProgramme } from '../entities/funding-programme';
import { Grant } from '../entities/grant';
import { OrganizationIdentifier } from '../entities/organization-identifier';
import { GRANT_ORDER } from '../services/grants';
import type { OrganizationDirectory } from '../services/organization-directory';
import { classificationsOf } from './classifications';
import { JsonNumber, parseExactJson, stringifyExactJson, type JsonValue } from './exact-json';
import { objectsOf, publishedOf } from '../services/grant-published';
import { STATUS_FIELD } from './grant-record';
import { hubOrgId } from './org-id';
import { cellText, spreadsheetColumns, type RepeatCounts, type SpreadsheetColumn } from './spreadsheet-writer';

export interface ExportPage {
  /** The page's grants as 360Giving grant objects (amounts as exact JsonNumbers). */
  grants: Record<string, unknown>[];
  /** The last grant of the page (for the cursor), if any. */
  last?: Grant;
  hasNextPage: boolean;
}

/** Org-ids and names of organizations: the organizations subgraph's org-id, else the one imported with, else the hub's own. */
async function organizationsOf(em: EntityManager, directory: OrganizationDirectory, ids: string[]): Promise<Map<string, { id: string; name: string }>> {
  const [described, mapped] = await Promise.all([
    directory.describe(ids),
    query<{ organization_id: string; org_id: string }>(
      em,
      `select distinct on (organization_id) organization_id, org_id from ${tableOf(em, OrganizationIdentifier)}
       where organization_id = any(?::uuid[]) order by organization_id, created_at, org_id`,
      [pgArray(ids)],
    ),
  ]);
  const imported = new Map(mapped.map((row) => [row.organization_id, row.org_id]));
  return new Map(
    ids.map((id) => {
      const known = described.get(id);
      return [id, { id: known?.orgId ?? imported.get(id) ?? hubOrgId(id), name: known?.name ?? `Organization ${id} (not in the directory)` }];
    }),
  );
}

/**
 * An organization as the grant's file published it (address, numbers, url), under the org-id and
 * name the hub knows it by now; a grant made on the hub has only those.
 */
function organizationAsPublished(known: { id: string; name: string }, published: JsonValue | undefined): Record<string, JsonValue> {
  const [organization] = objectsOf(published);
  return {
    ...organization,
    id: organization && typeof organization.id === 'string' ? organization.id : known.id,
    name: organization && typeof organization.name === 'string' ? organization.name : known.name,
  };
}

/**
 * One page of grants as 360Giving grant objects, newest award first, after the cursor's grant.
 * Three SQL statements and one request to the organizations subgraph, whatever the page size.
 */
export async function exportPage(
  em: EntityManager,
  directory: OrganizationDirectory,
  where: FilterQuery<Grant>,
  limit: number,
  after?: { value: unknown; id: string },
): Promise<ExportPage> {
  const rows = await em.find(Grant, { $and: [where, afterCondition(em, Grant, GRANT_ORDER, after)] } as FilterQuery<Grant>, {
    orderBy: [{ awardDate: 'desc' }, { id: 'desc' }],
    limit: limit + 1,
  });
  const grants = rows.slice(0, limit);
  if (!grants.length) return { grants: [], hasNextPage: false };
  const grantIds = grants.map((g) => g.id);
  const programmeIds = [...new Set(grants.flatMap((g) => (g.programme ? [g.programme.id] : [])))].filter(isUuid);
  const organizationIds = [...new Set(grants.flatMap((g) => [g.recipientOrganizationId, g.fundingOrganizationId]))];
  const [programmes, disbursed, organizations] = await Promise.all([
    programmeIds.length ? em.find(FundingProgramme, { id: { $in: programmeIds } }) : Promise.resolve([]),
    query<{ grant_id: string; total: string }>(
      em,
      `select grant_id, sum(amount)::text as total from ${tableOf(em, Disbursement)} where grant_id = any(?::uuid[]) group by grant_id`,
      [pgArray(grantIds)],
    ),
    organizationsOf(em, directory, organizationIds),
  ]);
  const programmeById = new Map(programmes.map((p) => [p.id, p]));
  const disbursedByGrant = new Map(disbursed.map((d) => [d.grant_id, d.total]));
  return {
    grants: grants.map((grant) => {
      const programme = grant.programme ? programmeById.get(grant.programme.id) : undefined;
      const paid = disbursedByGrant.get(grant.id);
      const { recipientOrganization, fundingOrganization, grantProgramme, beneficiaryLocation, classifications, ...otherFields } = publishedOf(grant);
      const planned =
        grant.plannedStartDate || grant.plannedEndDate || (grant.plannedDuration !== undefined && grant.plannedDuration !== null)
          ? [{ startDate: grant.plannedStartDate ?? undefined, endDate: grant.plannedEndDate ?? undefined, duration: grant.plannedDuration ?? undefined }]
          : undefined;
      return {
        id: grant.identifier,
        title: grant.title,
        description: grant.description ?? undefined,
        currency: grant.currency,
        amountAwarded: new JsonNumber(grant.amount),
        // the hub's disbursements when it has recorded some, else what the publisher stated
        amountDisbursed: paid ? new JsonNumber(paid) : grant.publishedAmountDisbursed ? new JsonNumber(grant.publishedAmountDisbursed) : undefined,
        awardDate: grant.awardDate,
        plannedDates: planned,
        recipientOrganization: [organizationAsPublished(organizations.get(grant.recipientOrganizationId)!, recipientOrganization)],
        fundingOrganization: [organizationAsPublished(organizations.get(grant.fundingOrganizationId)!, fundingOrganization)],
        grantProgramme: objectsOf(grantProgramme).length
          ? grantProgramme
          : programme
            ? [{ code: programme.code ?? programme.id, title: programme.name }]
            : undefined,
        beneficiaryLocation: objectsOf(beneficiaryLocation).length
          ? beneficiaryLocation
          : grant.beneficiaryLocation
            ? [{ name: grant.beneficiaryLocation }]
            : undefined,
        classifications: objectsOf(classifications).length ? classifications : grant.causeAreas.length ? classificationsOf(grant.causeAreas) : undefined,
        // the publisher's dateModified for an imported grant; for one made on the hub, when the hub recorded it
        dateModified: (grant.dateModified ?? grant.createdAt).toISOString().replace('.000Z', 'Z'),
        ...otherFields,
        additional_data: grant.additionalData ? parseExactJson(grant.additionalData) : undefined,
        [STATUS_FIELD]: grant.status,
      };
    }),
    last: grants.at(-1),
    hasNextPage: rows.length > limit,
  };
}

/** A 360Giving package of grant objects. */
export function packageJson(grants: Record<string, unknown>[]): string {
  return `{"grants":[${grants.map(stringifyExactJson).join(',')}]}`;
}

/**
 * Writes every grant matching `where` as one 360Giving package, a page at a time, honouring the
 * stream's back-pressure. Returns how many grants were written.
 */
export async function writePackage(
  em: EntityManager,
  directory: OrganizationDirectory,
  where: FilterQuery<Grant>,
  out: NodeJS.WritableStream,
  options: { pageSize?: number; onPage?: (written: number) => void } = {},
): Promise<number> {
  const write = (text: string) =>
    new Promise<void>((resolve, reject) => {
      out.write(text, (error) => (error ? reject(error) : resolve()));
    });
  let after: { value: unknown; id: string } | undefined;
  let written = 0;
  await write('{"grants":[\n');
  for (;;) {
    const page = await exportPage(em.fork(), directory, where, options.pageSize ?? 1000, after);
    if (page.grants.length) await write(`${written ? ',\n' : ''}${page.grants.map(stringifyExactJson).join(',\n')}`);
    written += page.grants.length;
    options.onPage?.(written);
    if (!page.hasNextPage || !page.last) break;
    after = { value: page.last.awardDate, id: page.last.id };
  }
  await write('\n]}\n');
  return written;
}

/** How many beneficiary locations and classifications the widest grant matching `where` exports: the CSV's repeated columns. */
export async function repeatCounts(em: EntityManager, where: FilterQuery<Grant>): Promise<RepeatCounts> {
  const listLength = (key: string) =>
    `coalesce(json_array_length(case when json_typeof(g.published::json->'${key}') = 'array' then g.published::json->'${key}' end), 0)`;
  const qb = em
    .createQueryBuilder(Grant, 'g')
    .select([
      raw(`coalesce(max(greatest(${listLength('beneficiaryLocation')}, case when g.beneficiary_location is null then 0 else 1 end)), 0) as locations`),
      raw(`coalesce(max(greatest(${listLength('classifications')}, coalesce(cardinality(g.cause_areas), 0))), 0) as classifications`),
    ])
    .where(where as never);
  const [row] = (await qb.execute('all', false)) as { locations: number | string; classifications: number | string }[];
  return { beneficiaryLocation: Number(row?.locations ?? 0), classifications: Number(row?.classifications ?? 0) };
}

/** Grant objects as rows of the spreadsheet layout's `columns`: one grant a row, a cell's text each. */
export function spreadsheetRows(columns: SpreadsheetColumn[], grants: Record<string, unknown>[]): string[][] {
  return grants.map((grant) => columns.map((c) => cellText(c.value(grant as Record<string, JsonValue>))));
}

/**
 * Writes every grant matching `where` in the 360Giving spreadsheet layout as CSV (csv-stringify),
 * a page at a time, honouring the stream's back-pressure. Returns how many grants were written.
 */
export async function writeCsv(
  em: EntityManager,
  directory: OrganizationDirectory,
  where: FilterQuery<Grant>,
  out: NodeJS.WritableStream,
  options: { pageSize?: number; onPage?: (written: number) => void } = {},
): Promise<number> {
  const columns = spreadsheetColumns(await repeatCounts(em.fork(), where));
  const write = (text: string) =>
    new Promise<void>((resolve, reject) => {
      out.write(text, (error) => (error ? reject(error) : resolve()));
    });
  await write(stringifyCsv([columns.map((c) => c.title)]));
  let after: { value: unknown; id: string } | undefined;
  let written = 0;
  for (;;) {
    const page = await exportPage(em.fork(), directory, where, options.pageSize ?? 1000, after);
    if (page.grants.length) {
      await write(stringifyCsv(spreadsheetRows(columns, page.grants)));
    }
    written += page.grants.length;
    options.onPage?.(written);
    if (!page.hasNextPage || !page.last) break;
    after = { value: page.last.awardDate, id: page.last.id };
  }
  return written;
}
