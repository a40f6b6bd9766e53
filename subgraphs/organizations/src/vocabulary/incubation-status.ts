import { registerEnumType } from 'type-graphql';

/** Where an organization stands in an incubation cohort. */
export enum IncubationStatus {
  APPLIED = 'APPLIED',
  ACTIVE = 'ACTIVE',
  GRADUATED = 'GRADUATED',
  LEFT = 'LEFT',
}
registerEnumType(IncubationStatus, {
  name: 'IncubationStatus',
  description: 'Where an organization stands in an incubation cohort.',
  valuesConfig: {
    APPLIED: { description: 'Applied to the cohort; not admitted yet.' },
    ACTIVE: { description: 'Admitted and being incubated.' },
    GRADUATED: { description: 'Completed incubation (出壳): only an ACTIVE member graduates.' },
    LEFT: { description: 'Withdrew, or was withdrawn, before graduating.' },
  },
});
