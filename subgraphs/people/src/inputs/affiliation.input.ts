import { ConnectionArgs } from '@ngo-hub/kit';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { AffiliationRole } from '../entities/affiliation';

@InputType({ description: "A person's role in an organization. The organization must exist in the organizations subgraph." })
export class AddAffiliationInput {
  @Field(() => ID, { description: 'The person who holds the role.' })
  personId: string;

  @Field(() => ID, { description: 'The organization (of the organizations subgraph) where the role is held.' })
  organizationId: string;

  @Field(() => AffiliationRole, { description: 'The part the person plays.' })
  role: AffiliationRole;

  @Field(() => String, { nullable: true, description: 'Title held, e.g. "Programme officer".' })
  title?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the role began; not in the future.' })
  startedOn?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the role ended; not before `startedOn`, and may be in the future for a fixed term.' })
  endedOn?: string | null;
}

@ArgsType()
export class AffiliationListArgs extends ConnectionArgs {
  @Field(() => Boolean, { nullable: true, description: 'true: only roles held today; false: only roles that have ended.' })
  current?: boolean;
}

@ArgsType()
export class OrganizationPeopleArgs extends AffiliationListArgs {
  @Field(() => AffiliationRole, { nullable: true, description: 'Only people in this role.' })
  role?: AffiliationRole;
}

@ArgsType()
export class CommitteeArgs extends ConnectionArgs {
  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'true (default): current members; false: former members; null: both.' })
  current?: boolean;
}
