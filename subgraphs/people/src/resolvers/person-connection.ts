import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { Person } from '../entities/person';

@ObjectType({ description: 'A page of people.' })
export class PersonConnection extends Connection(() => Person, 'Person') {}
