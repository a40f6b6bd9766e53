import { awardParties, publishGrantAwarded } from '../events/grant-awarded.event';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { assertTransition, findOrNotFound, type References, type TransitionTable } from '@ngo-hub/kit';
import { Grant, GrantStatus } from '../entities/grant';
import type { ChangeGrantStatusInput } from '../inputs/grant-status.input';

const { PROPOSED, AWARDED, ACTIVE, COMPLETED, CANCELLED } = GrantStatus;

/**
 * Where a grant may go from each status. An ACTIVE grant is completed, never cancelled: money may
 * have been paid out, and a cancelled grant leaves every total.
 */
export const GRANT_TRANSITIONS: TransitionTable<GrantStatus> = {
  [PROPOSED]: [AWARDED, CANCELLED],
  [AWARDED]: [ACTIVE, CANCELLED],
  [ACTIVE]: [COMPLETED],
  [COMPLETED]: [],
  [CANCELLED]: [],
};

export function assertGrantTransition(grant: Grant, to: GrantStatus): void {
  assertTransition(GRANT_TRANSITIONS, { subject: `grant ${grant.identifier}`, from: grant.status as GrantStatus, to, field: 'status' });
}

/** The grant, locked until the transaction ends: status changes and disbursements on it run one at a time. */
export async function lockGrant(tx: EntityManager, id: string, field: string): Promise<Grant> {
  const grant = await findOrNotFound(tx, Grant, id, field, { lockMode: LockMode.PESSIMISTIC_WRITE });
  return grant;
}

export async function changeGrantStatus(
  em: EntityManager,
  references: References,
  input: ChangeGrantStatusInput,
): Promise<{ grant: Grant; previousStatus: GrantStatus }> {
  return em.transactional(async (tx) => {
    const grant = await lockGrant(tx, input.grantId, 'grantId');
    const previousStatus = grant.status;
    assertGrantTransition(grant, input.status);
    grant.status = input.status;
    if (input.status === GrantStatus.AWARDED) publishGrantAwarded(tx, grant, await awardParties(references, grant));
    await tx.flush();
    return { grant, previousStatus };
  });
}
