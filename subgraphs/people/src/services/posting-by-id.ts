import { defineByIdLoader } from '@ngo-hub/kit';
import type { JobPosting } from '../entities/job-posting';

/**
 * Postings by id, batched per request. On its own (not in job-postings.ts), and naming the entity
 * rather than importing it, because the entities' `@Auth` subjects (row-subjects.ts) load
 * postings: an entity must not import, even indirectly, an entity that imports it.
 */
export const postingById = defineByIdLoader<JobPosting>('postingById', 'JobPosting');
