import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, definePageLoader, optionalText, paginateByParent, type ConnectionArgs } from '@ngo-hub/kit';
import type { Organization } from '../entities/organization';
import { Registration, RegistrationStatus } from '../entities/registration';
import { RegistrationChange } from '../entities/registration-change';

/** How far along the civil-affairs path a status is: unregistered → filed on record → registered. */
const STEP: Record<RegistrationStatus, number> = {
  [RegistrationStatus.UNREGISTERED]: 0,
  [RegistrationStatus.FILED_ON_RECORD]: 1,
  [RegistrationStatus.REGISTERED]: 2,
};

const FIELDS = ['status', 'legalForm', 'path', 'authority', 'authorityZh', 'supervisingUnit', 'registeredOn', 'creditCode'] as const;

function sameRegistration(a: Registration, b: Registration): boolean {
  return FIELDS.every((field) => (a[field] ?? null) === (b[field] ?? null));
}

/**
 * Keeps the registration history of a write: a change row when the registration is set for the
 * first time (`previous` undefined) or differs from what it was. A step back in status
 * (deregistration, a revoked filing) is allowed only with a reason, so the history says why.
 */
export function recordRegistrationChange(
  em: EntityManager,
  organization: Organization,
  previous: Registration | undefined,
  changeReason: string | null | undefined,
): RegistrationChange | undefined {
  const current = organization.registration;
  if (previous && sameRegistration(previous, current)) return undefined;
  const reason = optionalText(changeReason, 'registration.changeReason', 2000);
  if (previous && STEP[current.status] < STEP[previous.status] && !reason) {
    throw new ConflictError(
      `registration status cannot go back from ${previous.status} to ${current.status} without a reason: give registration.changeReason (e.g. "deregistered after merging into another organization"); the step is then kept in registrationHistory`,
      { field: 'registration.changeReason', from: previous.status, to: current.status },
    );
  }
  const change = em.create(RegistrationChange, {
    organization,
    previousStatus: previous?.status,
    ...Object.fromEntries(FIELDS.map((field) => [field, current[field]])),
    status: current.status,
    reason,
  });
  em.persist(change);
  return change;
}

/** `Organization.registrationHistory` for many organizations, oldest first: two queries whatever their number. */
export const registrationHistoryOf = definePageLoader<RegistrationChange, ConnectionArgs>('registrationHistoryOf', (organizationIds, args, ctx) =>
  paginateByParent(ctx.em, RegistrationChange, 'organization', organizationIds, {}, args, { by: 'recordedAt' }),
);
