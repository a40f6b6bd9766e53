import { LockMode, UniqueConstraintViolationException, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { ConflictError, definePageLoader, distinct, findOrNotFound, paginateByParent, pastDate, today, UserInputError } from '@ngo-hub/kit';
import { IncubationCohort } from '../entities/incubation-cohort';
import { IncubationMembership } from '../entities/incubation-membership';
import { IncubationProgramme } from '../entities/incubation-programme';
import { Organization } from '../entities/organization';
import type {
  AdmitToIncubationInput,
  ApplyForIncubationInput,
  GraduateFromIncubationInput,
  IncubationMembershipsArgs,
  WithdrawFromIncubationInput,
} from '../inputs/incubation-membership.input';
import type { IncubationStatus } from '../vocabulary/incubation-status';
import { nextIncubationStatus, type IncubationAction } from './incubation-status';

function statusWhere(args: IncubationMembershipsArgs): FilterQuery<IncubationMembership> {
  return args.statuses?.length ? { status: { $in: args.statuses } } : {};
}

/** `IncubationCohort.members` for many cohorts, in the order they applied: two queries whatever their number. */
export const membersOfCohort = definePageLoader<IncubationMembership, IncubationMembershipsArgs>('membersOfCohort', (cohortIds, args, ctx) =>
  paginateByParent(ctx.em, IncubationMembership, 'cohort', cohortIds, statusWhere(args), args, { by: 'appliedOn' }),
);

/** `Organization.incubationHistory` for many organizations, oldest first: two queries whatever their number. */
export const incubationHistoryOf = definePageLoader<IncubationMembership, IncubationMembershipsArgs>('incubationHistoryOf', (organizationIds, args, ctx) =>
  paginateByParent(ctx.em, IncubationMembership, 'organization', organizationIds, statusWhere(args), args, { by: 'appliedOn' }),
);

interface Transition {
  cohort: IncubationCohort;
  organization: Organization;
  membership: IncubationMembership | null;
  /** The status the action leads to, from the transition table. */
  status: IncubationStatus;
}

/**
 * Runs one status change in a transaction that holds the cohort's row lock, so that changes to
 * the memberships of a cohort happen one at a time: two concurrent admissions, or a graduation
 * racing a withdrawal, see each other's result instead of overwriting it.
 */
async function transition(
  em: EntityManager,
  action: IncubationAction,
  cohortId: string,
  organizationId: string,
  change: (tx: EntityManager, state: Transition) => Promise<IncubationMembership> | IncubationMembership,
): Promise<IncubationMembership> {
  try {
    return await em.transactional(async (tx) => {
      const cohort = await findOrNotFound(tx, IncubationCohort, cohortId, 'cohortId', { lockMode: LockMode.PESSIMISTIC_WRITE });
      const organization = await findOrNotFound(tx, Organization, organizationId, 'organizationId');
      const membership = await tx.findOne(IncubationMembership, { cohort, organization });
      const status = nextIncubationStatus(action, membership?.status ?? null, { organization: organization.name, cohort: cohort.name });
      const result = await change(tx, { cohort, organization, membership, status });
      await tx.flush();
      return result;
    });
  } catch (error) {
    // the cohort lock orders writers, so only a write that bypassed it can get here
    if (error instanceof UniqueConstraintViolationException) {
      throw new ConflictError('the organization already has a membership in this cohort', { field: 'organizationId' });
    }
    throw error;
  }
}

async function assertNotOwnIncubator(em: EntityManager, cohort: IncubationCohort, organization: Organization): Promise<void> {
  const programme = await em.findOneOrFail(IncubationProgramme, { id: cohort.programme.id });
  if (programme.incubator.id === organization.id) {
    throw new UserInputError(`${organization.name} runs this programme; an incubator is not a member of its own cohort`, 'organizationId');
  }
}

export function applyForIncubation(em: EntityManager, input: ApplyForIncubationInput): Promise<IncubationMembership> {
  const appliedOn = pastDate(input.appliedOn, 'appliedOn') ?? today();
  return transition(em, 'apply', input.cohortId, input.organizationId, async (tx, { cohort, organization, status }) => {
    await assertNotOwnIncubator(tx, cohort, organization);
    if (cohort.endsOn && appliedOn > cohort.endsOn) {
      throw new UserInputError(`appliedOn (${appliedOn}) must not be after the cohort ended (${cohort.endsOn})`, 'appliedOn');
    }
    return tx.create(IncubationMembership, { cohort, organization, status, appliedOn });
  });
}

export function admitToIncubation(em: EntityManager, input: AdmitToIncubationInput): Promise<IncubationMembership> {
  const supports = distinct(input.supports, 'supports');
  return transition(em, 'admit', input.cohortId, input.organizationId, async (tx, { cohort, organization, membership, status }) => {
    if (!membership) await assertNotOwnIncubator(tx, cohort, organization);
    const startedOn = input.startedOn ?? (cohort.startsOn > today() ? cohort.startsOn : today());
    if (startedOn < cohort.startsOn) {
      throw new UserInputError(`startedOn (${startedOn}) must not be before the cohort starts (${cohort.startsOn})`, 'startedOn');
    }
    if (cohort.endsOn && startedOn > cohort.endsOn) {
      throw new UserInputError(`startedOn (${startedOn}) must not be after the cohort ends (${cohort.endsOn})`, 'startedOn');
    }
    if (membership) {
      if (startedOn < membership.appliedOn) {
        throw new UserInputError(`startedOn (${startedOn}) must not be before the organization applied (${membership.appliedOn})`, 'startedOn');
      }
      Object.assign(membership, { status, startedOn, supports });
      return membership;
    }
    // admitted without applying: it entered the cohort on the day it was admitted
    const appliedOn = startedOn < today() ? startedOn : today();
    return tx.create(IncubationMembership, { cohort, organization, status, appliedOn, startedOn, supports });
  });
}

function endDate(value: string | null | undefined, membership: IncubationMembership): string {
  const endedOn = pastDate(value, 'endedOn') ?? today();
  const since = membership.startedOn ?? membership.appliedOn;
  if (endedOn < since) {
    throw new UserInputError(
      `endedOn (${endedOn}) must not be before the membership ${membership.startedOn ? 'started' : 'was applied for'} (${since})`,
      'endedOn',
    );
  }
  return endedOn;
}

export function graduateFromIncubation(em: EntityManager, input: GraduateFromIncubationInput): Promise<IncubationMembership> {
  pastDate(input.endedOn, 'endedOn');
  const supports = input.supports == null ? undefined : distinct(input.supports, 'supports');
  return transition(em, 'graduate', input.cohortId, input.organizationId, (_tx, { membership, status }) => {
    const graduating = membership!;
    Object.assign(graduating, { status, endedOn: endDate(input.endedOn, graduating), ...(supports ? { supports } : {}) });
    return graduating;
  });
}

export function withdrawFromIncubation(em: EntityManager, input: WithdrawFromIncubationInput): Promise<IncubationMembership> {
  pastDate(input.endedOn, 'endedOn');
  return transition(em, 'withdraw', input.cohortId, input.organizationId, (_tx, { membership, status }) => {
    const leaving = membership!;
    Object.assign(leaving, { status, endedOn: endDate(input.endedOn, leaving) });
    return leaving;
  });
}
