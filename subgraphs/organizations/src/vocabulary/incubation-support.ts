import { registerEnumType } from 'type-graphql';

/** What an incubator provides to an incubated organization. */
export enum IncubationSupport {
  DESK = 'DESK',
  EVENT_SPACE = 'EVENT_SPACE',
  CAPACITY_BUILDING = 'CAPACITY_BUILDING',
  MENTORING = 'MENTORING',
  SEED_FUNDING = 'SEED_FUNDING',
}
registerEnumType(IncubationSupport, {
  name: 'IncubationSupport',
  description: 'What an incubator provided to an incubated organization.',
  valuesConfig: {
    DESK: { description: "Office desk or room in the incubator's space." },
    EVENT_SPACE: { description: 'Use of meeting and event rooms.' },
    CAPACITY_BUILDING: { description: 'Training in management, fundraising, finance, project design.' },
    MENTORING: { description: 'A mentor or advisor from the incubator or its expert committee.' },
    SEED_FUNDING: { description: 'A small start-up grant.' },
  },
});
