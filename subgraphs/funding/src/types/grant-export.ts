import { PageInfo } from '@ngo-hub/kit';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A page of grants as a 360Giving JSON package; concatenating the pages\' grants gives the whole export.' })
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
}
