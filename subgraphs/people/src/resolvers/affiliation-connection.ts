import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { Affiliation } from '../entities/affiliation';

@ObjectType({ description: 'A page of affiliations, ordered by the date they started (unknown dates last).' })
export class AffiliationConnection extends Connection(() => Affiliation, 'Affiliation') {}
