import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { IncubationProgramme } from '../entities/incubation-programme';

@ObjectType({ description: 'A page of incubation programmes.' })
export class IncubationProgrammeConnection extends Connection(() => IncubationProgramme, 'IncubationProgramme') {}
