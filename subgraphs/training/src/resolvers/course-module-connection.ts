import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { CourseModule } from '../entities/course-module';

@ObjectType({ description: "A page of a course's modules, in their order." })
export class CourseModuleConnection extends Connection(() => CourseModule, 'CourseModule') {}
