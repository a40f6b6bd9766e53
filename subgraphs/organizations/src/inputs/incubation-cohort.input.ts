import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A new cohort of an incubation programme.' })
export class CreateIncubationCohortInput {
  @Field(() => ID, { description: 'The programme the cohort belongs to.' })
  programmeId: string;

  @Field({ description: 'Name of the cohort, e.g. "First cohort"; unique within the programme.' })
  name: string;

  @Field(() => Int, { nullable: true, description: 'The year the cohort is known by; default the year of startsOn.' })
  year?: number | null;

  @Field(() => Date, { description: 'First day of the incubation period.' })
  startsOn: string;

  @Field(() => Date, { nullable: true, description: 'Last day of the incubation period; not before startsOn.' })
  endsOn?: string | null;
}
