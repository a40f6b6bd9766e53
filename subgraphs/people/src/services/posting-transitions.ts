import { assertTransition, type TransitionTable } from '@ngo-hub/kit';
import { JobPostingStatus } from '../entities/job-posting';

const { DRAFT, OPEN, CLOSED, FILLED } = JobPostingStatus;

/**
 * The statuses a posting may move to from each status. A closed or filled posting is final: a
 * position offered again is posted again, so its earlier applications stay with the earlier posting.
 */
export const POSTING_TRANSITIONS: TransitionTable<JobPostingStatus> = {
  [DRAFT]: [OPEN, CLOSED],
  [OPEN]: [CLOSED, FILLED],
  [CLOSED]: [],
  [FILLED]: [],
};

/** Postings whose fields may still change. */
export const EDITABLE_POSTING_STATUSES: readonly JobPostingStatus[] = [DRAFT, OPEN];

export function assertPostingTransition(from: JobPostingStatus, to: JobPostingStatus): void {
  assertTransition(POSTING_TRANSITIONS, { subject: 'the posting', from, to, field: 'id' });
}
