import { defineLoader, isUuid } from '@ngo-hub/kit';
import { JobPosting } from '../entities/job-posting';

/**
 * Postings by id, batched per request. On its own (not in job-postings.ts) because the entities'
 * `@Auth` subjects load postings: importing the posting services from an entity would close an
 * import cycle back into the entity that is still loading.
 */
export const postingById = defineLoader<string, JobPosting | null>('postingById', async (ids, ctx) => {
  const valid = ids.filter(isUuid);
  const rows = valid.length ? await ctx.em.find(JobPosting, { id: { $in: valid } }) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
});
