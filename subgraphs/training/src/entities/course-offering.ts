import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/postgresql';
import { newId } from '@ngo-hub/kit/model';
import { Course } from './course';

/** That an organization (of the organizations subgraph, held by its id) offers a course. */
@Entity({ tableName: 'course_offering' })
@Unique({ properties: ['course', 'organizationId'] })
@Index({ properties: ['organizationId', 'createdAt', 'id'] })
export class CourseOffering {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Course)
  course: Course;

  @Property({ type: 'uuid' })
  organizationId: string;

  /** Where the organization stands among the course's offerers, as they were named (0 = lead). */
  @Property({ type: 'smallint' })
  position: number;

  /** Millisecond precision, as JS keeps it, so that a page cursor holds the exact value. */
  @Property({ type: 'datetime', length: 3, defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
