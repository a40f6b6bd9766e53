import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { FundingProgramme } from '../entities/funding-programme';

@ObjectType({ description: 'A page of funding programmes.' })
export class FundingProgrammeConnection extends Connection(() => FundingProgramme, 'FundingProgramme') {}
