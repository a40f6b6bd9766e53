import { registerEnumType } from 'type-graphql';

export enum Audience {
  PROFESSIONAL_SOCIAL_WORKERS = 'PROFESSIONAL_SOCIAL_WORKERS',
  STUDENTS = 'STUDENTS',
  SUPERVISORS = 'SUPERVISORS',
  NGO_STAFF = 'NGO_STAFF',
  VOLUNTEERS = 'VOLUNTEERS',
}

registerEnumType(Audience, {
  name: 'Audience',
  description: 'Who a course is meant for.',
  valuesConfig: {
    PROFESSIONAL_SOCIAL_WORKERS: { description: 'Practising social workers, qualified or not.' },
    STUDENTS: { description: 'Students, typically of social work.' },
    SUPERVISORS: { description: 'Social-work supervisors (督导) and those training to become one.' },
    NGO_STAFF: { description: 'Founders and staff of NGOs.' },
    VOLUNTEERS: { description: 'Volunteers of NGOs and communities.' },
  },
});
