import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { Recommendation } from '../entities/recommendation';

@ObjectType({ description: 'A page of recommendations, newest first.' })
export class RecommendationConnection extends Connection(() => Recommendation, 'Recommendation') {}
