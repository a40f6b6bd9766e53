import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { RegistrationChange } from '../entities/registration-change';

@ObjectType({ description: 'A page of registration changes.' })
export class RegistrationChangeConnection extends Connection(() => RegistrationChange, 'RegistrationChange') {}
