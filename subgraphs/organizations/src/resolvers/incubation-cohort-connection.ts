import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { IncubationCohort } from '../entities/incubation-cohort';

@ObjectType({ description: 'A page of incubation cohorts.' })
export class IncubationCohortConnection extends Connection(() => IncubationCohort, 'IncubationCohort') {}
