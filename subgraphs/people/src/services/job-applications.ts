import { LockMode, UniqueConstraintViolationException, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { ConflictError, definePageLoader, findOrNotFound, optionalText, type PageOrder, paginateByParent } from '@ngo-hub/kit';
import { ApplicationStatus, CLOSED_APPLICATION_STATUSES, JobApplication } from '../entities/job-application';
import { JobPosting } from '../entities/job-posting';
import { Person } from '../entities/person';
import type { ApplicationListArgs, ApplyForJobInput, ChangeApplicationStatusInput, WithdrawApplicationInput } from '../inputs/job-application.input';
import { assertApplicationTransition, type ApplicationActor } from './application-transitions';
import { notOpenReason } from './job-postings';

function statusCondition(args: ApplicationListArgs): FilterQuery<JobApplication> {
  return args.statuses?.length ? { status: { $in: args.statuses } } : {};
}

/** `JobPosting.applications`: in the order they were sent. */
export const applicationsOfPosting = definePageLoader<JobApplication, ApplicationListArgs>('applicationsOfPosting', (postingIds, args, ctx) =>
  paginateByParent(ctx.em, JobApplication, 'posting', postingIds, statusCondition(args), args, { by: 'submittedAt' }),
);

const NEWEST_FIRST: PageOrder<JobApplication> = { by: 'submittedAt', direction: 'desc' };

/** `Person.applications`: newest first. */
export const applicationsOfPerson = definePageLoader<JobApplication, ApplicationListArgs>('applicationsOfPerson', (personIds, args, ctx) =>
  paginateByParent(ctx.em, JobApplication, 'person', personIds, statusCondition(args), args, NEWEST_FIRST),
);

/** Not rejected nor withdrawn: the one application a person may have to a posting at a time. */
export const ACTIVE_APPLICATION: FilterQuery<JobApplication> = { status: { $nin: [...CLOSED_APPLICATION_STATUSES] } };

/**
 * Sends a person's application. The posting's row is locked, so two applications of the same
 * person cannot both pass the "one active application" check; the partial unique index backs it.
 */
export async function applyForJob(em: EntityManager, input: ApplyForJobInput): Promise<JobApplication> {
  const coverNote = optionalText(input.coverNote, 'coverNote', 5000);
  try {
    return await em.transactional(async (tx) => {
      const person = await findOrNotFound(tx, Person, input.personId, 'personId');
      const posting = await findOrNotFound(tx, JobPosting, input.postingId, 'postingId', { lockMode: LockMode.PESSIMISTIC_WRITE });
      const closed = notOpenReason(posting);
      if (closed) throw new ConflictError(closed, { field: 'postingId', status: posting.status });
      const active = await tx.findOne(JobApplication, { $and: [{ posting, person }, ACTIVE_APPLICATION] });
      if (active) throw duplicate(active.status);
      const application = tx.create(JobApplication, { posting, person, coverNote });
      await tx.flush();
      return application;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw duplicate();
    throw error;
  }
}

function duplicate(status?: ApplicationStatus): ConflictError {
  const held = status ? ` (${status})` : '';
  return new ConflictError(`this person already has an application${held} to this posting; one at a time, unless it was rejected or withdrawn`, {
    field: 'personId',
  });
}

async function move(em: EntityManager, id: string, to: ApplicationStatus, actor: ApplicationActor): Promise<JobApplication> {
  return em.transactional(async (tx) => {
    const application = await findOrNotFound(tx, JobApplication, id, 'id', { lockMode: LockMode.PESSIMISTIC_WRITE });
    assertApplicationTransition(application.status, to, actor);
    application.status = to;
    application.statusChangedAt = new Date();
    await tx.flush();
    return application;
  });
}

/** The organization's decision: shortlist, offer, hire or reject, one step at a time. */
export function changeApplicationStatus(em: EntityManager, input: ChangeApplicationStatusInput): Promise<JobApplication> {
  return move(em, input.id, input.status, 'organization');
}

export function withdrawApplication(em: EntityManager, input: WithdrawApplicationInput): Promise<JobApplication> {
  return move(em, input.id, ApplicationStatus.WITHDRAWN, 'applicant');
}
