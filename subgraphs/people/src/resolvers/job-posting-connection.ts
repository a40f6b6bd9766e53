import { Connection } from '@ngo-hub/kit';
import { ObjectType } from 'type-graphql';
import { JobPosting } from '../entities/job-posting';

@ObjectType({ description: 'A page of job postings, newest first.' })
export class JobPostingConnection extends Connection(() => JobPosting, 'JobPosting') {}
