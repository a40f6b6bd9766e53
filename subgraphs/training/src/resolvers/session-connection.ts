import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { Session } from '../entities/session';

@ObjectType({ description: 'A page of sessions, in the order they take place.' })
export class SessionConnection extends Connection(() => Session, 'Session') {}
