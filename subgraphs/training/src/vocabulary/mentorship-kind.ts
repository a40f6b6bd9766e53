import { registerEnumType } from 'type-graphql';

export enum MentorshipKind {
  MENTORING = 'MENTORING',
  SUPERVISION = 'SUPERVISION',
}

registerEnumType(MentorshipKind, {
  name: 'MentorshipKind',
  description: 'What an experienced person gives a less experienced one.',
  valuesConfig: {
    MENTORING: { description: 'Mentoring: advice on practice, the organization and a career in the sector.' },
    SUPERVISION: { description: 'Individual social-work supervision (督导) of a practitioner by a supervisor.' },
  },
});
