import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import {
  ConflictError,
  definePageLoader,
  isUuid,
  NotFoundError,
  paginateByParent,
  requiredText,
  UserInputError,
  type ConnectionArgs,
  type PageOrder,
  type References,
} from '@ngo-hub/kit';
import { JobPosting } from '../entities/job-posting';
import { Person } from '../entities/person';
import { Recommendation } from '../entities/recommendation';
import type { RecommendPersonInput } from '../inputs/recommendation.input';
import { notOpenReason } from './job-postings';

const NEWEST_FIRST: PageOrder<Recommendation> = { by: 'createdAt', direction: 'desc' };

/** `Person.recommendations`: the recommendations a person received. */
export const recommendationsOfCandidate = definePageLoader<Recommendation, ConnectionArgs>('recommendationsOfCandidate', (personIds, args, ctx) =>
  paginateByParent(ctx.em, Recommendation, 'candidate', personIds, {}, args, NEWEST_FIRST),
);

/** `Person.recommendationsGiven`. */
export const recommendationsByRecommender = definePageLoader<Recommendation, ConnectionArgs>('recommendationsByRecommender', (personIds, args, ctx) =>
  paginateByParent(ctx.em, Recommendation, 'recommender', personIds, {}, args, NEWEST_FIRST),
);

/** `JobPosting.recommendations`. */
export const recommendationsOfPosting = definePageLoader<Recommendation, ConnectionArgs>('recommendationsOfPosting', (postingIds, args, ctx) =>
  paginateByParent(ctx.em, Recommendation, 'posting', postingIds, {}, args, NEWEST_FIRST),
);

/**
 * Records a recommendation to a posting (that takes applications today) or to an organization
 * (confirmed by the organizations subgraph). A recommender recommends a candidate to the same
 * posting, or to the same organization, once.
 */
export async function recommendPerson(em: EntityManager, references: References, input: RecommendPersonInput): Promise<Recommendation> {
  const note = requiredText(input.note, 'note', 2000);
  const postingId = input.postingId ?? undefined;
  const organizationId = input.organizationId ?? undefined;
  if ((postingId === undefined) === (organizationId === undefined)) {
    throw new UserInputError(
      'give postingId (a job posting) or organizationId (an organization), exactly one of them',
      postingId === undefined ? 'postingId' : 'organizationId',
    );
  }
  if (input.recommenderId === input.candidateId)
    throw new UserInputError('a person cannot recommend themselves; candidateId must differ from recommenderId', 'candidateId');
  if (organizationId !== undefined) await references.assertExist('Organization', [organizationId], 'organizationId');
  try {
    return await em.transactional(async (tx) => {
      const people = await tx.find(Person, { id: { $in: [input.recommenderId, input.candidateId].filter(isUuid) } });
      const found = (id: string, field: string) => {
        const person = people.find((p) => p.id === id);
        if (!person) throw new NotFoundError('Person', id, field);
        return person;
      };
      const recommender = found(input.recommenderId, 'recommenderId');
      const candidate = found(input.candidateId, 'candidateId');
      let posting: JobPosting | undefined;
      if (postingId !== undefined) {
        posting = (isUuid(postingId) ? await tx.findOne(JobPosting, { id: postingId }) : null) ?? undefined;
        if (!posting) throw new NotFoundError('JobPosting', postingId, 'postingId');
        const closed = notOpenReason(posting);
        if (closed) throw new ConflictError(`${closed}, nor recommendations`, { field: 'postingId', status: posting.status });
      }
      const target = { recommender, candidate, organizationId: posting?.organizationId ?? organizationId!, posting: posting ?? null };
      if ((await tx.count(Recommendation, target)) > 0) throw duplicate();
      const recommendation = tx.create(Recommendation, { ...target, posting, note });
      await tx.flush();
      return recommendation;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw duplicate();
    throw error;
  }
}

function duplicate(): ConflictError {
  return new ConflictError('this recommender already recommended this candidate there; a recommendation is made once', { field: 'candidateId' });
}
