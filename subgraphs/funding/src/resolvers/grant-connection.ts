import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { Grant } from '../entities/grant';

@ObjectType({ description: 'A page of grants, newest award first.' })
export class GrantConnection extends Connection(() => Grant, 'Grant') {}
