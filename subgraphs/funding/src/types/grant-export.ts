import type { FilterQuery } from '@mikro-orm/postgresql';
import { PageInfo } from '@ngo-hub/kit';
import { Field, Int, ObjectType } from 'type-graphql';
import type { Grant } from '../entities/grant';

@ObjectType({
  description:
    "A page of grants in the 360Giving spreadsheet layout (the standard's CSV and XLSX form): column titles such as Identifier, Amount Awarded, Recipient Org:Identifier; one grant a row.",
})
export class Grants360GivingSpreadsheet {
  @Field(() => [String], {
    description:
      'The column titles; the same on every page of one export (repeated objects such as Classifications are numbered when some grant of the whole export has several).',
  })
  columns: string[];

  @Field(() => [[String]], {
    description: 'One row a grant, a cell a column: exact amounts as written, dates as ISO 8601, empty where the grant has no value.',
  })
  rows: string[][];
}

@ObjectType({ description: "A page of grants as a 360Giving JSON package; concatenating the pages' grants gives the whole export." })
export class Grants360GivingExport {
  @Field({
    description:
      'A 360Giving JSON package ({"grants": [...]}) of this page: amounts exact, organizations by org-id (CN-USCI-… for credit codes), the hub\'s status in "ngohubStatus".',
  })
  json: string;

  @Field(() => Int, { description: 'How many grants this page holds.' })
  grantCount: number;

  @Field(() => Int, { description: 'How many grants match the filter, across all pages.' })
  totalCount: number;

  @Field(() => PageInfo, { description: 'Whether more pages follow, and the cursor to get the next.' })
  pageInfo: PageInfo;

  /** The page's grant objects and the export's condition, for `spreadsheet`. */
  grants: Record<string, unknown>[];
  where: FilterQuery<Grant>;
}
