import type { HubContext } from '@ngo-hub/kit';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ExportGrants360GivingArgs } from '../inputs/grant-export.input';
import { exportGrants360Giving, spreadsheetOf } from '../services/grant-export';
import { OrganizationDirectory } from '../services/organization-directory';
import { Grants360GivingExport, Grants360GivingSpreadsheet } from '../types/grant-export';

@Resolver(() => Grants360GivingExport)
export class GrantExportResolver {
  @Query(() => Grants360GivingExport, {
    description:
      'Grants as 360Giving JSON, a page at a time (up to 1000 grants a page). For a whole file use `npm run export:360giving -- FILE`; either imports back with `npm run import:360giving`.',
  })
  exportGrants360Giving(@Args(() => ExportGrants360GivingArgs) args: ExportGrants360GivingArgs, @Ctx() ctx: HubContext): Promise<Grants360GivingExport> {
    return exportGrants360Giving(ctx.em, OrganizationDirectory.of(ctx), args);
  }

  @FieldResolver(() => Grants360GivingSpreadsheet, {
    description:
      'This page in the 360Giving spreadsheet layout (CSV/XLSX column titles, one grant a row). The gateway serves the whole list as CSV at GET /export/grants.csv.',
  })
  spreadsheet(@Root() page: Grants360GivingExport, @Ctx() ctx: HubContext): Promise<Grants360GivingSpreadsheet> {
    return spreadsheetOf(ctx.em, page);
  }
}
