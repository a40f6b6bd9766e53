import { ArgsType, Field, Int } from 'type-graphql';
import { GrantFilter } from './grant.input';

export const MAX_EXPORT_PAGE = 1000;

@ArgsType()
export class ExportGrants360GivingArgs {
  @Field(() => GrantFilter, { nullable: true, description: 'Conditions the grants must meet; all grants when left out.' })
  filter?: GrantFilter | null;

  @Field(() => Int, { nullable: true, description: `How many grants the page's package holds (1–${MAX_EXPORT_PAGE}, default 100).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Continue after this cursor (a pageInfo.endCursor of the previous page).' })
  after?: string | null;
}
