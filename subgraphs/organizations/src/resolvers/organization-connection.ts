import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { Organization } from '../entities/organization';

@ObjectType({ description: 'A page of organizations.' })
export class OrganizationConnection extends Connection(() => Organization, 'Organization') {}
