import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { JobApplication } from '../entities/job-application';

@ObjectType({ description: "A page of job applications: a posting's in the order they were sent, a person's newest first." })
export class JobApplicationConnection extends Connection(() => JobApplication, 'JobApplication') {}
