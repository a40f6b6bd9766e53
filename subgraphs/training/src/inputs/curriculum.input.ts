import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A new module of a course.' })
export class AddCourseModuleInput {
  @Field(() => ID, { description: 'The course: an existing one.' })
  courseId: string;

  @Field({ description: 'Title in English; required.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Title in Chinese.' })
  titleZh?: string | null;

  @Field(() => String, { nullable: true, description: 'What it covers.' })
  summary?: string | null;

  @Field(() => Int, { nullable: true, description: 'Its place, from 1; the modules from there move one down. Default: last.' })
  position?: number | null;
}

@InputType({ description: 'A new lesson of a course module.' })
export class AddLessonInput {
  @Field(() => ID, { description: 'The module: an existing one.' })
  moduleId: string;

  @Field({ description: 'Title in English; required.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Title in Chinese.' })
  titleZh?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) link to its material.' })
  contentUrl?: string | null;

  @Field(() => Int, { nullable: true, description: 'About how long it takes, in minutes (1 or more).' })
  durationMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Its place in the module, from 1; the lessons from there move one down. Default: last.' })
  position?: number | null;
}

@InputType({ description: 'A lesson an enrolled person completed.' })
export class CompleteLessonInput {
  @Field(() => ID, { description: "The person's enrollment: an ENROLLED one." })
  enrollmentId: string;

  @Field(() => ID, { description: "The lesson: one of the enrollment's course." })
  lessonId: string;
}
