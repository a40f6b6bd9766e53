import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { Lesson } from '../entities/lesson';

@ObjectType({ description: "A page of a module's lessons, in their order." })
export class LessonConnection extends Connection(() => Lesson, 'Lesson') {}
