import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { Course } from '../entities/course';

@ObjectType({ description: 'A page of courses.' })
export class CourseConnection extends Connection(() => Course, 'Course') {}
