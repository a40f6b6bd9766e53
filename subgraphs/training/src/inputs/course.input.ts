import { CauseArea, MoneyInput } from '@ngo-hub/kit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Audience } from '../vocabulary/audience';
import { CourseKind } from '../vocabulary/course-kind';

@InputType({ description: 'A new course, with the organizations that offer it.' })
export class CreateCourseInput {
  @Field({ description: 'Title in English (or in the course\'s own language); required.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Title in Chinese.' })
  titleZh?: string | null;

  @Field(() => CourseKind, { description: 'The format of the course.' })
  kind: CourseKind;

  @Field(() => String, { nullable: true, description: 'What the course covers, in English.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'What the course covers, in Chinese.' })
  descriptionZh?: string | null;

  @Field(() => [Audience], { nullable: true, description: 'Who the course is meant for; each at most once.' })
  audiences?: Audience[] | null;

  @Field(() => String, { nullable: true, description: 'City in English where it takes place.' })
  city?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True when it can be followed online; default false.' })
  online?: boolean | null;

  @Field(() => Date, { description: 'First day.' })
  startsOn: string;

  @Field(() => Date, { description: 'Last day; on or after startsOn.' })
  endsOn: string;

  @Field(() => String, { nullable: true, description: 'Language of instruction as a BCP 47 tag; default "zh".' })
  language?: string | null;

  @Field(() => Int, { nullable: true, description: 'Seats (at least 1); leave out for unlimited.' })
  capacity?: number | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Fee per participant, greater than zero; leave out when free.' })
  fee?: MoneyInput | null;

  @Field(() => [CauseArea], { nullable: true, description: 'The causes the course serves; each at most once.' })
  causeAreas?: CauseArea[] | null;

  @Field(() => [ID], { description: 'Organizations that offer the course, the lead organization first: at least one, each an existing Organization.' })
  offeredByIds: string[];
}

@InputType({ description: 'Narrows a list of courses; all given conditions must hold.' })
export class CourseFilter {
  @Field(() => String, { nullable: true, description: 'Finds the text in the English or Chinese title (case-insensitive).' })
  search?: string;

  @Field(() => [CourseKind], { nullable: true, description: 'Any of these kinds.' })
  kinds?: CourseKind[];

  @Field(() => String, { nullable: true, description: 'Takes place in this city (case-insensitive).' })
  city?: string;

  @Field(() => Boolean, { nullable: true, description: 'True: can be followed online; false: in person only.' })
  online?: boolean;

  @Field(() => [Audience], { nullable: true, description: 'Meant for any of these audiences.' })
  audiences?: Audience[];

  @Field(() => Date, { nullable: true, description: 'Starts on or after this day.' })
  startsAfter?: string;

  @Field(() => Date, { nullable: true, description: 'Starts on or before this day.' })
  startsBefore?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: starts today or later and has a seat left (or is unlimited); false: the others.',
  })
  openForEnrollment?: boolean;

  @Field(() => ID, { nullable: true, description: 'Offered by this organization (alone or with others).' })
  offeredBy?: string;
}
