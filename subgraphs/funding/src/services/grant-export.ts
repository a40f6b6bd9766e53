import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, encodeCursor, isUuid, UserInputError } from '@ngo-hub/kit';
import { Grant } from '../entities/grant';
import { MAX_EXPORT_PAGE, type ExportGrants360GivingArgs } from '../inputs/grant-export.input';
import { exportPage, packageJson, repeatCounts, spreadsheetRows } from '../three-sixty-giving/exporter';
import { spreadsheetColumns } from '../three-sixty-giving/spreadsheet-writer';
import { Grants360GivingExport, Grants360GivingSpreadsheet } from '../types/grant-export';
import { grantWhere, orgIdMatches } from './grants';
import type { OrganizationDirectory } from './organization-directory';

/** One page of the 360Giving export, newest award first, with the grants list's cursors. */
export async function exportGrants360Giving(
  em: EntityManager,
  directory: OrganizationDirectory,
  args: ExportGrants360GivingArgs,
): Promise<Grants360GivingExport> {
  const first = args.first ?? 100;
  if (!Number.isInteger(first) || first < 1 || first > MAX_EXPORT_PAGE) {
    throw new UserInputError(`first must be between 1 and ${MAX_EXPORT_PAGE} (got ${first})`, 'first');
  }
  const after = args.after ? decodeCursor(args.after) : undefined;
  if (after && (!isUuid(after.id) || typeof after.value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(after.value))) {
    throw new UserInputError('after is not a cursor this list gave out; use a pageInfo.endCursor', 'after');
  }
  const where = grantWhere(args.filter ?? {}, await orgIdMatches(directory, args.filter ?? {}));
  const [page, totalCount] = await Promise.all([exportPage(em, directory, where, first, after), em.count(Grant, where)]);
  const endCursor = page.last ? encodeCursor(page.last.awardDate, page.last.id) : null;
  return Object.assign(new Grants360GivingExport(), {
    json: packageJson(page.grants),
    grants: page.grants,
    where,
    grantCount: page.grants.length,
    totalCount,
    pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: after !== undefined, startCursor: null, endCursor },
  });
}

/** A page of the export in the spreadsheet layout; its columns fit the widest grant of the whole export. */
export async function spreadsheetOf(em: EntityManager, page: Grants360GivingExport): Promise<Grants360GivingSpreadsheet> {
  const columns = spreadsheetColumns(await repeatCounts(em, page.where));
  return Object.assign(new Grants360GivingSpreadsheet(), { columns: columns.map((c) => c.title), rows: spreadsheetRows(columns, page.grants) });
}
