import { registerEnumType } from 'type-graphql';
import type { TransitionTable } from '@ngo-hub/kit';

export enum MentorshipStatus {
  PROPOSED = 'PROPOSED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  ENDED = 'ENDED',
}

registerEnumType(MentorshipStatus, {
  name: 'MentorshipStatus',
  description: 'Where a mentorship stands.',
  valuesConfig: {
    PROPOSED: { description: 'Agreed in principle; not started yet.' },
    ACTIVE: { description: 'Under way since `startedOn`.' },
    COMPLETED: { description: 'Ran its planned course and finished on `endedOn`.' },
    ENDED: { description: 'Stopped before it was completed (or a proposal that never started).' },
  },
});

/** A proposal starts or is withdrawn; a running mentorship completes or ends early. */
export const MENTORSHIP_TRANSITIONS: TransitionTable<MentorshipStatus> = {
  [MentorshipStatus.PROPOSED]: [MentorshipStatus.ACTIVE, MentorshipStatus.ENDED],
  [MentorshipStatus.ACTIVE]: [MentorshipStatus.COMPLETED, MentorshipStatus.ENDED],
  [MentorshipStatus.COMPLETED]: [],
  [MentorshipStatus.ENDED]: [],
};

/** PROPOSED and ACTIVE mentorships: a mentor and mentee have at most one of each kind at a time. */
export const OPEN_MENTORSHIP_STATUSES: readonly MentorshipStatus[] = [MentorshipStatus.PROPOSED, MentorshipStatus.ACTIVE];

export enum MentorshipEnding {
  COMPLETED = 'COMPLETED',
  ENDED = 'ENDED',
}

registerEnumType(MentorshipEnding, {
  name: 'MentorshipEnding',
  description: 'How a mentorship ends.',
  valuesConfig: {
    COMPLETED: { description: 'It ran its course (only an ACTIVE mentorship can complete).' },
    ENDED: { description: 'It stopped early, or a proposal was withdrawn.' },
  },
});
