import { registerEnumType } from 'type-graphql';
import type { TransitionTable } from '@ngo-hub/kit';

export enum SessionStatus {
  SCHEDULED = 'SCHEDULED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(SessionStatus, {
  name: 'SessionStatus',
  description: 'Whether a session of a course takes place.',
  valuesConfig: {
    SCHEDULED: { description: 'Planned (or held, once its date has passed).' },
    CANCELLED: { description: 'Called off; kept so that participants see what changed.' },
  },
});

export const SESSION_TRANSITIONS: TransitionTable<SessionStatus> = {
  [SessionStatus.SCHEDULED]: [SessionStatus.CANCELLED],
  [SessionStatus.CANCELLED]: [],
};
