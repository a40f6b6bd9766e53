import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'An award or distinction a course received.' })
export class RecognitionInput {
  @Field(() => Int, { description: 'The year it was given; not in the future.' })
  year: number;

  @Field({ description: 'Its title in English; required.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Its title in Chinese.' })
  titleZh?: string | null;

  @Field({ description: 'Who gave it, by name in English; required.' })
  awardedBy: string;

  @Field(() => String, { nullable: true, description: 'Who gave it, in Chinese.' })
  awardedByZh?: string | null;
}
