import { ConnectionArgs } from '@ngo-hub/kit';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { IncubationStatus } from '../vocabulary/incubation-status';
import { IncubationSupport } from '../vocabulary/incubation-support';

@InputType({ description: 'An organization applying to an incubation cohort.' })
export class ApplyForIncubationInput {
  @Field(() => ID, { description: 'The cohort applied to.' })
  cohortId: string;

  @Field(() => ID, { description: 'The organization that applies.' })
  organizationId: string;

  @Field(() => Date, { nullable: true, description: 'When it applied; default today; not in the future.' })
  appliedOn?: string | null;
}

@InputType({ description: 'Admits an organization to a cohort: an applicant (APPLIED → ACTIVE) or, directly, one that never applied.' })
export class AdmitToIncubationInput {
  @Field(() => ID, { description: 'The cohort.' })
  cohortId: string;

  @Field(() => ID, { description: 'The organization admitted.' })
  organizationId: string;

  @Field(() => Date, {
    nullable: true,
    description: "When incubation begins; default today, or the cohort's start when that is later; not before the cohort starts.",
  })
  startedOn?: string | null;

  @Field(() => [IncubationSupport], { nullable: true, description: 'What the incubator provides; default none.' })
  supports?: IncubationSupport[] | null;
}

@InputType({ description: 'Graduates an ACTIVE member of a cohort.' })
export class GraduateFromIncubationInput {
  @Field(() => ID, { description: 'The cohort.' })
  cohortId: string;

  @Field(() => ID, { description: 'The organization that graduates.' })
  organizationId: string;

  @Field(() => Date, { nullable: true, description: 'When it graduated; default today; not before it started, not in the future.' })
  endedOn?: string | null;

  @Field(() => [IncubationSupport], {
    nullable: true,
    description: 'What it received over the incubation, replacing the list given at admission; left out, the list stays.',
  })
  supports?: IncubationSupport[] | null;
}

@InputType({ description: 'Records that an applicant or an ACTIVE member left a cohort.' })
export class WithdrawFromIncubationInput {
  @Field(() => ID, { description: 'The cohort.' })
  cohortId: string;

  @Field(() => ID, { description: 'The organization that leaves.' })
  organizationId: string;

  @Field(() => Date, { nullable: true, description: 'When it left; default today; not before it started, not in the future.' })
  endedOn?: string | null;
}

@ArgsType()
export class IncubationMembershipsArgs extends ConnectionArgs {
  @Field(() => [IncubationStatus], { nullable: true, description: 'Only memberships in any of these statuses.' })
  statuses?: IncubationStatus[];
}
