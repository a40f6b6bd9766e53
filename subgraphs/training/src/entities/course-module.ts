import { Entity, ManyToOne, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/postgresql';
import { newId } from '@ngo-hub/kit/model';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Course } from './course';

@Entity({ tableName: 'course_module' })
@Unique({ properties: ['course', 'position'] })
@ObjectType({ description: 'A part of a (distance-learning) course: an ordered group of lessons.' })
export class CourseModule {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'Stable identifier of the module.' })
  id: string = newId();

  @ManyToOne(() => Course)
  course: Course;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: 'Its place in the course, from 1.' })
  position: number;

  @Property({ type: 'text' })
  @Field({ description: 'Title in English.' })
  title: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Title in Chinese.' })
  titleZh?: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What it covers.' })
  summary?: string;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
