import { ConflictError } from '@ngo-hub/kit';
import { IncubationStatus } from '../vocabulary/incubation-status';

const { APPLIED, ACTIVE, GRADUATED, LEFT } = IncubationStatus;

export type IncubationAction = 'apply' | 'admit' | 'graduate' | 'withdraw';

/**
 * Every change of a membership's status: from which statuses each action may start (`null`:
 * the organization has no membership in the cohort yet) and the status it leads to.
 */
export const INCUBATION_TRANSITIONS: Record<IncubationAction, { from: readonly (IncubationStatus | null)[]; to: IncubationStatus }> = {
  apply: { from: [null], to: APPLIED },
  admit: { from: [null, APPLIED], to: ACTIVE },
  graduate: { from: [ACTIVE], to: GRADUATED },
  withdraw: { from: [APPLIED, ACTIVE], to: LEFT },
};

function refusal(action: IncubationAction, current: IncubationStatus | null, organization: string, cohort: string): string {
  const subject = `${organization} in cohort ${JSON.stringify(cohort)}`;
  switch (action) {
    case 'apply':
      return `${subject} already has a membership (${current}); an organization applies to a cohort once`;
    case 'admit':
      return `${subject} is already ${current}; only an applicant (APPLIED) or an organization without a membership can be admitted`;
    case 'graduate':
      if (current === null) return `${subject} was never admitted: it has no membership. Admit it (admitToIncubation) before it can graduate`;
      if (current === APPLIED) return `${subject} was never admitted: it has only applied. Admit it (admitToIncubation) before it can graduate`;
      return `${subject} is ${current}; only an ACTIVE member graduates`;
    case 'withdraw':
      if (current === null) return `${subject} has no membership to withdraw from`;
      return `${subject} is already ${current}; only an APPLIED or ACTIVE member can withdraw`;
  }
}

/** The status an action leads to, or a CONFLICT saying why the membership cannot take it. */
export function nextIncubationStatus(
  action: IncubationAction,
  current: IncubationStatus | null,
  names: { organization: string; cohort: string },
): IncubationStatus {
  const transition = INCUBATION_TRANSITIONS[action];
  if (!transition.from.includes(current)) {
    throw new ConflictError(refusal(action, current, names.organization, names.cohort), {
      field: 'organizationId',
      status: current,
      allowedFrom: transition.from.map((status) => status ?? 'NONE'),
    });
  }
  return transition.to;
}
