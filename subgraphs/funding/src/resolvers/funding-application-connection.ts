import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { FundingApplication } from '../entities/funding-application';

@ObjectType({ description: 'A page of funding applications, latest submitted first.' })
export class FundingApplicationConnection extends Connection(() => FundingApplication, 'FundingApplication') {}
