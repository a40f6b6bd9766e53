import { CauseArea, DateTimeScalar, ILLUSTRATIVE_FILTER_DESCRIPTION, MoneyInput, UPDATED_SINCE_DESCRIPTION } from '@ngo-hub/kit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Audience } from '../vocabulary/audience';
import { CourseKind } from '../vocabulary/course-kind';
import { RecognitionInput } from './recognition.input';

@InputType({ description: 'A new course, with the organizations that offer it.' })
export class CreateCourseInput {
  @Field({ description: "Title in English (or in the course's own language); required." })
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

  @Field(() => String, { nullable: true, description: 'When it meets, in words, e.g. "every Saturday 9:00–12:00".' })
  schedule?: string | null;

  @Field(() => String, { nullable: true, description: 'When it meets, in Chinese.' })
  scheduleZh?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone of its sessions\' times; default "Asia/Shanghai".' })
  timeZone?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True when applicants must be approved before they take a seat; default false.' })
  requiresApproval?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'The grant that funds the course, if any: an existing Grant.' })
  fundingGrantId?: string | null;

  @Field(() => [RecognitionInput], { nullable: true, description: 'Awards and distinctions the course received.' })
  recognitions?: RecognitionInput[] | null;

  @Field(() => [ID], { description: 'Organizations that offer the course, the lead organization first: at least one, each an existing Organization.' })
  offeredByIds: string[];
}

@InputType({ description: 'Changes to a course: fields left out stay as they are; null clears an optional field.' })
export class UpdateCourseInput {
  @Field(() => String, { nullable: true, description: 'Title in English; cannot be cleared.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Title in Chinese.' })
  titleZh?: string | null;

  @Field(() => CourseKind, { nullable: true, description: 'The format of the course; cannot be cleared.' })
  kind?: CourseKind | null;

  @Field(() => String, { nullable: true, description: 'What the course covers, in English.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'What the course covers, in Chinese.' })
  descriptionZh?: string | null;

  @Field(() => [Audience], { nullable: true, description: 'Who the course is meant for (replaces the list); null: anyone.' })
  audiences?: Audience[] | null;

  @Field(() => String, { nullable: true, description: 'City in English where it takes place.' })
  city?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True when it can be followed online.' })
  online?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'First day; its sessions must stay within the dates.' })
  startsOn?: string | null;

  @Field(() => Date, { nullable: true, description: 'Last day; on or after startsOn, and its sessions must stay within the dates.' })
  endsOn?: string | null;

  @Field(() => String, { nullable: true, description: 'When it meets, in words.' })
  schedule?: string | null;

  @Field(() => String, { nullable: true, description: 'When it meets, in Chinese.' })
  scheduleZh?: string | null;

  @Field(() => String, { nullable: true, description: "IANA time zone of its sessions' times; cannot be cleared." })
  timeZone?: string | null;

  @Field(() => String, { nullable: true, description: 'Language of instruction as a BCP 47 tag; cannot be cleared.' })
  language?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Seats; null for unlimited. Never below the seats taken; more seats go to the waiting list at once, first come first served.',
  })
  capacity?: number | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Fee per participant; null when free.' })
  fee?: MoneyInput | null;

  @Field(() => Boolean, { nullable: true, description: 'True when applicants must be approved; pending applications stay APPLIED when it is turned off.' })
  requiresApproval?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'The grant that funds the course (an existing Grant); null: none.' })
  fundingGrantId?: string | null;

  @Field(() => [RecognitionInput], { nullable: true, description: 'Awards and distinctions (replaces the list); null: none.' })
  recognitions?: RecognitionInput[] | null;

  @Field(() => [CauseArea], { nullable: true, description: 'The causes the course serves (replaces the list).' })
  causeAreas?: CauseArea[] | null;

  @Field(() => [ID], { nullable: true, description: 'Organizations that offer the course, lead first (replaces the list): at least one, each existing.' })
  offeredByIds?: string[] | null;
}

@InputType({ description: 'Narrows a list of courses; all given conditions must hold.' })
export class CourseFilter {
  @Field(() => String, { nullable: true, description: 'Finds the text in the English or Chinese title or description (case-insensitive).' })
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

  @Field(() => String, { nullable: true, description: 'Taught in this language (a BCP 47 tag; "zh" also finds "zh-Hans").' })
  language?: string;

  @Field(() => Date, { nullable: true, description: 'Runs on this day: starts on or before it and ends on or after it.' })
  runningOn?: string;

  @Field(() => Boolean, { nullable: true, description: 'True: applicants need approval; false: they do not.' })
  requiresApproval?: boolean;

  @Field(() => ID, { nullable: true, description: 'Funded by this grant.' })
  fundingGrant?: string;

  @Field(() => Boolean, { nullable: true, description: ILLUSTRATIVE_FILTER_DESCRIPTION })
  illustrative?: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_SINCE_DESCRIPTION })
  updatedSince?: Date | null;
}
