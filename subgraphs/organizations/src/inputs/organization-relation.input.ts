import { ConnectionArgs } from '@ngo-hub/kit';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { OrganizationRelationKind } from '../vocabulary/organization-relation-kind';
import { RelationDirection } from '../vocabulary/relation-direction';

@InputType({ description: 'A relation from one organization to another; read it as "from <kind> to".' })
export class AddOrganizationRelationInput {
  @Field(() => OrganizationRelationKind, { description: 'What the relation is.' })
  kind: OrganizationRelationKind;

  @Field(() => ID, { description: 'The organization the relation starts from, e.g. the supervised one for SUPERVISED_BY.' })
  fromOrganizationId: string;

  @Field(() => ID, { description: 'The organization the relation points to; not the same as from.' })
  toOrganizationId: string;

  @Field(() => Date, { nullable: true, description: 'When the relation began, if known; not in the future.' })
  startedOn?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it ended, for a relation that is over already; not in the future.' })
  endedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'What the relation consists of.' })
  note?: string | null;
}

@InputType({ description: 'Ends an active relation.' })
export class EndOrganizationRelationInput {
  @Field(() => ID, { description: 'The relation to end.' })
  id: string;

  @Field(() => Date, { nullable: true, description: 'When it ended; default today; not before it started, not in the future.' })
  endedOn?: string | null;
}

@ArgsType()
export class OrganizationRelationsArgs extends ConnectionArgs {
  @Field(() => [OrganizationRelationKind], { nullable: true, description: 'Only relations of any of these kinds.' })
  kinds?: OrganizationRelationKind[];

  @Field(() => RelationDirection, {
    defaultValue: RelationDirection.BOTH,
    description: 'Relations from this organization (OUTGOING), to it (INCOMING) or both.',
  })
  direction: RelationDirection = RelationDirection.BOTH;

  @Field(() => Boolean, { nullable: true, description: 'true: only active relations; false: only ended ones; left out: all.' })
  active?: boolean;
}
