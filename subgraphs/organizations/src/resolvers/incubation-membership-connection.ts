import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { IncubationMembership } from '../entities/incubation-membership';

@ObjectType({ description: 'A page of incubation memberships.' })
export class IncubationMembershipConnection extends Connection(() => IncubationMembership, 'IncubationMembership') {}
