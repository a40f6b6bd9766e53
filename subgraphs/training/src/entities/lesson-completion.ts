import { Entity, ManyToOne, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/postgresql';
import { newId } from '@ngo-hub/kit/model';
import { Enrollment } from './enrollment';
import { Lesson } from './lesson';

/** That an enrolled person completed one lesson of their course: the rows behind `Enrollment.progress`. */
@Entity({ tableName: 'lesson_completion' })
@Unique({ properties: ['enrollment', 'lesson'] })
export class LessonCompletion {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Enrollment)
  enrollment: Enrollment;

  @ManyToOne(() => Lesson)
  lesson: Lesson;

  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  completedAt: Opt<Date> = new Date();
}
