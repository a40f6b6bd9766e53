import { hiringOrganization, publishJobPosted } from '../events/job-posted.event';
import { LockMode, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import {
  ConflictError,
  definePageLoader,
  exactLike,
  illustrativeCondition,
  isUuid,
  likePattern,
  NotFoundError,
  optionalText,
  paginateByParent,
  requiredText,
  today,
  UserInputError,
  type ConnectionArgs,
  type Page,
  type PageOrder,
  type References,
  paginateChanges,
  type ListOrder,
} from '@ngo-hub/kit';
import { JobPosting, JobPostingStatus } from '../entities/job-posting';
import type {
  CloseJobPostingInput,
  JobPostingFilter,
  OpenPositionsArgs,
  PostJobInput,
  PublishJobPostingInput,
  UpdateJobPostingInput,
} from '../inputs/job-posting.input';
import { assertPostingTransition, EDITABLE_POSTING_STATUSES } from './posting-transitions';
import { salaryColumns } from './salary-range';
import { skillKey, skillsOf } from './skills';

/** Newest first. */
export const POSTING_ORDER: PageOrder<JobPosting> = { by: 'createdAt', direction: 'desc' };

/** Takes applications on `on`: OPEN, and `on` between `opensOn` and `closesOn` (both inclusive, either open-ended). */
export function isOpenNow(posting: Pick<JobPosting, 'status' | 'opensOn' | 'closesOn'>, on = today()): boolean {
  return posting.status === JobPostingStatus.OPEN && (!posting.opensOn || posting.opensOn <= on) && (!posting.closesOn || posting.closesOn >= on);
}

/** `isOpenNow` as SQL. */
export function openNowCondition(on = today()): FilterQuery<JobPosting> {
  return {
    status: JobPostingStatus.OPEN,
    $and: [{ $or: [{ opensOn: null }, { opensOn: { $lte: on } }] }, { $or: [{ closesOn: null }, { closesOn: { $gte: on } }] }],
  };
}

/** Why a posting takes no applications today; undefined when it does. */
export function notOpenReason(posting: Pick<JobPosting, 'status' | 'opensOn' | 'closesOn'>, on = today()): string | undefined {
  if (posting.status !== JobPostingStatus.OPEN) return `this posting is ${posting.status} and takes no applications`;
  if (posting.opensOn && posting.opensOn > on) return `this posting takes applications from ${posting.opensOn}`;
  if (posting.closesOn && posting.closesOn < on) return `this posting stopped taking applications on ${posting.closesOn}`;
  return undefined;
}

export function postingWhere(filter: JobPostingFilter = {}): FilterQuery<JobPosting> {
  const conditions: FilterQuery<JobPosting>[] = [];
  conditions.push(filter.statuses?.length ? { status: { $in: filter.statuses } } : { status: { $ne: JobPostingStatus.DRAFT } });
  const search = filter.search?.trim();
  if (search) {
    const pattern = likePattern(search);
    conditions.push({ $or: [{ title: { $ilike: pattern } }, { titleZh: { $ilike: pattern } }] });
  }
  const city = filter.city?.trim();
  if (city) conditions.push({ city: { $ilike: exactLike(city) } });
  if (filter.remote !== undefined && filter.remote !== null) conditions.push({ remote: filter.remote });
  if (filter.kinds?.length) conditions.push({ kind: { $in: filter.kinds } });
  const skill = filter.skill?.trim();
  if (skill) conditions.push({ skillKeys: { $contains: [skillKey(skill)] } });
  if (filter.openNow === true) conditions.push(openNowCondition());
  if (filter.openNow === false) conditions.push({ $not: openNowCondition() });
  conditions.push(...illustrativeCondition(filter.illustrative));
  if (filter.organizationId !== undefined && filter.organizationId !== null) {
    conditions.push(isUuid(filter.organizationId) ? { organizationId: filter.organizationId } : { id: { $in: [] } });
  }
  return { $and: conditions };
}

export function listJobPostings(em: EntityManager, filter: JobPostingFilter | undefined, args: ConnectionArgs, orderBy?: ListOrder): Promise<Page<JobPosting>> {
  return paginateChanges(em, JobPosting, postingWhere(filter), args, POSTING_ORDER, { updatedSince: filter?.updatedSince, orderBy });
}

/** `Organization.openPositions` for every organization of a request: one statement for rows, one for totals. */
export const openPositionsOfOrganization = definePageLoader<JobPosting, OpenPositionsArgs>('openPositionsOfOrganization', (organizationIds, args, ctx) =>
  paginateByParent(
    ctx.em,
    JobPosting,
    'organizationId',
    organizationIds,
    { $and: [openNowCondition(), args.kinds?.length ? { kind: { $in: args.kinds } } : {}] },
    args,
    POSTING_ORDER,
  ),
);

type PostingFields = Omit<PostJobInput, 'organizationId' | 'draft'> | Omit<UpdateJobPostingInput, 'id'>;

/** Validates the given fields onto the posting; fields not given stay. */
function apply(posting: JobPosting, input: PostingFields): void {
  const has = (key: keyof UpdateJobPostingInput) => (input as UpdateJobPostingInput)[key] !== undefined;
  if (has('title')) posting.title = requiredText(input.title, 'title', 200);
  if (has('titleZh')) posting.titleZh = optionalText(input.titleZh, 'titleZh', 200);
  if (has('kind')) {
    if (!input.kind) throw new UserInputError('kind must be FULL_TIME, PART_TIME, INTERNSHIP or VOLUNTEER', 'kind');
    posting.kind = input.kind;
  }
  if (has('city')) posting.city = optionalText(input.city, 'city', 100);
  if (has('remote')) posting.remote = input.remote ?? false;
  if (has('description')) posting.description = optionalText(input.description, 'description', 10000);
  if (has('requirements')) posting.requirements = optionalText(input.requirements, 'requirements', 5000);
  if (has('skills')) posting.skills = skillsOf(input.skills, 'skills');
  if (has('minimumQualification')) posting.minimumQualification = input.minimumQualification ?? undefined;
  if (has('salary')) Object.assign(posting, salaryColumns(input.salary, 'salary'));
  if (has('opensOn')) posting.opensOn = input.opensOn ?? undefined;
  if (has('closesOn')) posting.closesOn = input.closesOn ?? undefined;
}

/** Rules across fields, checked on the posting as it would be saved. */
function assertConsistent(posting: JobPosting): void {
  if (!posting.city && !posting.remote) throw new UserInputError('a posting needs a city, or remote: true', 'city');
  if (posting.opensOn && posting.closesOn && posting.closesOn < posting.opensOn) {
    throw new UserInputError(`closesOn (${posting.closesOn}) must not be before opensOn (${posting.opensOn})`, 'closesOn');
  }
  if (posting.status === JobPostingStatus.OPEN && posting.closesOn && posting.closesOn < today()) {
    throw new UserInputError(`closesOn (${posting.closesOn}) must not be in the past for an open posting; close it with closeJobPosting instead`, 'closesOn');
  }
}

/** Posts a position of an organization, confirmed by the organizations subgraph before anything is written. */
export async function postJob(em: EntityManager, references: References, input: PostJobInput): Promise<JobPosting> {
  const posting = new JobPosting();
  posting.organizationId = input.organizationId;
  posting.status = input.draft ? JobPostingStatus.DRAFT : JobPostingStatus.OPEN;
  apply(posting, { ...input, remote: input.remote ?? false });
  assertConsistent(posting);
  const organization = await hiringOrganization(references, input.organizationId);
  if (!organization) await references.assertExist('Organization', [input.organizationId], 'organizationId');
  return em.transactional(async (tx) => {
    tx.persist(posting);
    if (posting.status === JobPostingStatus.OPEN) publishJobPosted(tx, posting, organization);
    await tx.flush();
    return posting;
  });
}

async function lockPosting(tx: EntityManager, id: string): Promise<JobPosting> {
  const posting = isUuid(id) ? await tx.findOne(JobPosting, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!posting) throw new NotFoundError('JobPosting', id, 'id');
  return posting;
}

export async function updateJobPosting(em: EntityManager, input: UpdateJobPostingInput): Promise<JobPosting> {
  return em.transactional(async (tx) => {
    const posting = await lockPosting(tx, input.id);
    if (!EDITABLE_POSTING_STATUSES.includes(posting.status)) {
      throw new ConflictError(`a ${posting.status} posting can no longer be changed`, { field: 'id', status: posting.status });
    }
    const { id: _id, ...fields } = input;
    apply(posting, fields);
    assertConsistent(posting);
    await tx.flush();
    return posting;
  });
}

export async function publishJobPosting(em: EntityManager, references: References, input: PublishJobPostingInput): Promise<JobPosting> {
  return em.transactional(async (tx) => {
    const posting = await lockPosting(tx, input.id);
    assertPostingTransition(posting.status, JobPostingStatus.OPEN);
    if (posting.closesOn && posting.closesOn < today()) {
      throw new ConflictError(`this draft's closesOn (${posting.closesOn}) has passed; change it with updateJobPosting before publishing`, {
        field: 'closesOn',
      });
    }
    posting.status = JobPostingStatus.OPEN;
    publishJobPosted(tx, posting, await hiringOrganization(references, posting.organizationId));
    await tx.flush();
    return posting;
  });
}

export async function closeJobPosting(em: EntityManager, input: CloseJobPostingInput): Promise<JobPosting> {
  return em.transactional(async (tx) => {
    const posting = await lockPosting(tx, input.id);
    const to = input.filled ? JobPostingStatus.FILLED : JobPostingStatus.CLOSED;
    assertPostingTransition(posting.status, to);
    posting.status = to;
    await tx.flush();
    return posting;
  });
}
