/**
 * Descriptions of the hub's entity types and their ids, written once: the owning subgraph and
 * every subgraph that holds a reference stub (`@key(fields: "id")`) use the same words, so the
 * composed supergraph has one description per element and no INCONSISTENT_DESCRIPTION hint.
 */
export const ENTITY_DESCRIPTIONS = {
  Organization: {
    type: 'An actor of the NGO sector: NGO, foundation, incubator, government buyer, university, ...',
    id: 'Stable identifier of the organization (a UUID).',
  },
  Person: {
    type: 'Someone who works in or with the NGO sector: social worker, student, teacher, founder, official, ...',
    id: 'Stable identifier of the person (a UUID).',
  },
  Grant: {
    type: "A grant (or service contract, award, donation) from a funder to a recipient organization, with 360Giving's core fields.",
    id: 'Stable identifier of the grant in the hub (the 360Giving identifier is `identifier`).',
  },
  Course: {
    type: 'A course or programme offered by one or more organizations: a training camp, workshop, supervision programme, ...',
    id: 'Stable identifier of the course (a UUID).',
  },
  JobPosting: {
    type: "A job, internship or volunteer position offered by an organization: the talent market's postings.",
    id: 'Stable identifier (a UUID).',
  },
  Enrollment: {
    type: "A person's place in a course: applied, enrolled, waitlisted, completed or dropped.",
    id: 'Stable identifier of the enrollment (a UUID).',
  },
} as const;
