import { registerEnumType } from 'type-graphql';

export enum CourseKind {
  TRAINING_CAMP = 'TRAINING_CAMP',
  WORKSHOP = 'WORKSHOP',
  COURSE = 'COURSE',
  SYMPOSIUM = 'SYMPOSIUM',
  SUPERVISION_PROGRAMME = 'SUPERVISION_PROGRAMME',
  DISTANCE_LEARNING = 'DISTANCE_LEARNING',
  MENTORING_PROGRAMME = 'MENTORING_PROGRAMME',
  INTERNSHIP_PROGRAMME = 'INTERNSHIP_PROGRAMME',
}

registerEnumType(CourseKind, {
  name: 'CourseKind',
  description: 'The format of a course or programme.',
  valuesConfig: {
    TRAINING_CAMP: { description: 'An intensive residential camp over several days, e.g. SowosSky\'s "Spread Your Wings" camp (青翼训练营).' },
    WORKSHOP: { description: 'A short, hands-on session on one skill, e.g. capacity building for incubated NGOs.' },
    COURSE: { description: 'A taught course over several sessions.' },
    SYMPOSIUM: { description: 'A conference or forum with talks and discussion.' },
    SUPERVISION_PROGRAMME: { description: 'Training of social-work supervisors (督导), usually with practice under supervision.' },
    DISTANCE_LEARNING: { description: "Learning online, at the learner's own pace." },
    MENTORING_PROGRAMME: { description: 'Pairs experienced practitioners with newcomers over a period.' },
    INTERNSHIP_PROGRAMME: { description: 'Placements of students in organizations.' },
  },
});
