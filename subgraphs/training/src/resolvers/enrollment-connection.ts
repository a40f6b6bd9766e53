import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { Enrollment } from '../entities/enrollment';

@ObjectType({ description: 'A page of enrollments, in the order people applied.' })
export class EnrollmentConnection extends Connection(() => Enrollment, 'Enrollment') {}
