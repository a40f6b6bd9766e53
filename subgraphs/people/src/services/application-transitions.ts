import { transitionConflict, UserInputError } from '@ngo-hub/kit';
import { ApplicationStatus } from '../entities/job-application';

/** Who moves an application: the organization that posted the position, or the applicant. */
export type ApplicationActor = 'organization' | 'applicant';

const { SUBMITTED, SHORTLISTED, OFFERED, HIRED, REJECTED, WITHDRAWN } = ApplicationStatus;

/**
 * From each status, the statuses an application may move to and who moves it there. An
 * application goes one step at a time (SUBMITTED → SHORTLISTED → OFFERED → HIRED); until it is
 * final, the organization may reject it and the applicant may withdraw it.
 */
export const APPLICATION_TRANSITIONS: Readonly<Record<ApplicationStatus, Partial<Record<ApplicationStatus, ApplicationActor>>>> = {
  [SUBMITTED]: { [SHORTLISTED]: 'organization', [REJECTED]: 'organization', [WITHDRAWN]: 'applicant' },
  [SHORTLISTED]: { [OFFERED]: 'organization', [REJECTED]: 'organization', [WITHDRAWN]: 'applicant' },
  [OFFERED]: { [HIRED]: 'organization', [REJECTED]: 'organization', [WITHDRAWN]: 'applicant' },
  [HIRED]: {},
  [REJECTED]: {},
  [WITHDRAWN]: {},
};

/** The statuses an application in `from` may move to, in the table's order. */
export function nextStatuses(from: ApplicationStatus, actor?: ApplicationActor): ApplicationStatus[] {
  return (Object.entries(APPLICATION_TRANSITIONS[from]) as [ApplicationStatus, ApplicationActor][])
    .filter(([, by]) => actor === undefined || by === actor)
    .map(([to]) => to);
}

/** Statuses that `actor` ever moves an application to. */
function targetsOf(actor: ApplicationActor): Set<ApplicationStatus> {
  return new Set(Object.values(ApplicationStatus).flatMap((from) => nextStatuses(from, actor)));
}

/**
 * Refuses a move that is not in the table: BAD_USER_INPUT when `actor` never makes it (a status the
 * other party sets, or SUBMITTED), CONFLICT when it does not follow from the current status.
 */
export function assertApplicationTransition(from: ApplicationStatus, to: ApplicationStatus, actor: ApplicationActor): void {
  if (!targetsOf(actor).has(to)) {
    const hint = to === WITHDRAWN ? '; the applicant withdraws with withdrawApplication' : '';
    throw new UserInputError(`status must be one of ${[...targetsOf(actor)].join(', ')} (got ${to})${hint}`, 'status');
  }
  if (APPLICATION_TRANSITIONS[from][to] !== actor) throw transitionConflict({ subject: 'the application', from, to, field: 'id' }, nextStatuses(from, actor));
}
