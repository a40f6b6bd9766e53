import { Check, Entity, ManyToOne, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/postgresql';
import { newId } from '@ngo-hub/kit/model';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CourseModule } from './course-module';

@Entity({ tableName: 'lesson' })
@Unique({ properties: ['module', 'position'] })
@Check({ name: 'lesson_duration_check', expression: 'duration_minutes is null or duration_minutes > 0' })
@ObjectType({ description: 'One lesson of a course module: a reading, a recorded lecture, an exercise.' })
export class Lesson {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Stable identifier of the lesson.' })
  id: string = newId();

  @ManyToOne(() => CourseModule)
  module: CourseModule;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: 'Its place in the module, from 1.' })
  position: number;

  @Property({ type: 'text' })
  @Field({ description: 'Title in English.' })
  title: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Title in Chinese.' })
  titleZh?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Where its material is online.' })
  contentUrl?: string;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: 'About how long it takes, in minutes.' })
  durationMinutes?: number;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
