import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { FundingProgrammeLot } from '../entities/funding-programme-lot';

@ObjectType({ description: "A page of the lots of a programme, in the programme's order." })
export class FundingProgrammeLotConnection extends Connection(() => FundingProgrammeLot, 'FundingProgrammeLot') {}
