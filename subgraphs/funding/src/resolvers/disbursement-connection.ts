import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { Disbursement } from '../entities/disbursement';

@ObjectType({ description: 'A page of disbursements, earliest payment first.' })
export class DisbursementConnection extends Connection(() => Disbursement, 'Disbursement') {}
