import { ConnectionArgs, ILLUSTRATIVE_FILTER_DESCRIPTION } from '@ngo-hub/kit';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A new incubation programme; its incubator must be an organization of kind INCUBATOR.' })
export class CreateIncubationProgrammeInput {
  @Field(() => ID, { description: 'The incubator organization that runs the programme.' })
  incubatorId: string;

  @Field({ description: "Name in English; unique among the incubator's programmes." })
  name: string;

  @Field(() => String, { nullable: true, description: 'Name in Chinese.' })
  nameZh?: string | null;

  @Field(() => String, { nullable: true, description: "City where the programme runs; default the incubator's city." })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'What the programme offers and whom it admits.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Description in Chinese.' })
  descriptionZh?: string | null;
}

@InputType({ description: 'Narrows a list of incubation programmes; all given conditions must hold.' })
export class IncubationProgrammeFilter {
  @Field(() => ID, { nullable: true, description: 'Only programmes run by this incubator.' })
  incubatorId?: string;

  @Field(() => String, { nullable: true, description: 'Only programmes in this city (case-insensitive).' })
  city?: string;

  @Field(() => String, { nullable: true, description: 'Finds the text in the English or Chinese name (case-insensitive).' })
  search?: string;

  @Field(() => Boolean, { nullable: true, description: ILLUSTRATIVE_FILTER_DESCRIPTION })
  illustrative?: boolean | null;
}

@ArgsType()
export class IncubationCohortsArgs extends ConnectionArgs {
  @Field(() => Int, { nullable: true, description: 'Only cohorts of this year.' })
  year?: number;
}
