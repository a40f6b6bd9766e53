import { MentorshipKind } from '../src/vocabulary/mentorship-kind';
import { MentorshipStatus } from '../src/vocabulary/mentorship-status';

export interface SeedMentorship {
  slug: string;
  /** Slugs of people (`seedId('person:<slug>')`). */
  mentor: string;
  mentee: string;
  kind: MentorshipKind;
  /** Slug of the course it is part of, if any. */
  course?: string;
  status: MentorshipStatus;
  focus: string;
  startedOn?: string;
  endedOn?: string;
  /** When it was recorded: fixes the order of the seed's lists. */
  recordedAt: string;
}

const { MENTORING, SUPERVISION } = MentorshipKind;
const { ACTIVE, COMPLETED, ENDED, PROPOSED } = MentorshipStatus;

export const SEED_MENTORSHIPS: SeedMentorship[] = [
  {
    slug: 'supervision:advisor-taiwan-supervisor:supervisor-trainee-1', mentor: 'advisor-taiwan-supervisor', mentee: 'supervisor-trainee-1',
    kind: SUPERVISION, course: 'chengdu-senior-supervisors', status: COMPLETED, focus: 'Individual supervision of casework and of supervising others',
    startedOn: '2011-09-10', endedOn: '2012-06-30', recordedAt: '2011-09-10T01:00:00Z',
  },
  {
    slug: 'supervision:advisor-taiwan-supervisor:supervisor-trainee-2', mentor: 'advisor-taiwan-supervisor', mentee: 'supervisor-trainee-2',
    kind: SUPERVISION, course: 'chengdu-senior-supervisors', status: COMPLETED, focus: 'Individual supervision of group work and of supervising others',
    startedOn: '2011-09-10', endedOn: '2012-06-30', recordedAt: '2011-09-10T01:05:00Z',
  },
  {
    slug: 'mentoring:advisor-4:elderly-care-founder', mentor: 'advisor-4', mentee: 'elderly-care-founder',
    kind: MENTORING, course: 'service-park-mentoring-2012', status: COMPLETED, focus: 'Growing a community elderly-care service under government purchase',
    startedOn: '2012-07-01', endedOn: '2013-06-30', recordedAt: '2012-07-01T02:00:00Z',
  },
  {
    slug: 'mentoring:advisor-5:migrant-children-founder', mentor: 'advisor-5', mentee: 'migrant-children-founder',
    kind: MENTORING, course: 'service-park-mentoring-2012', status: COMPLETED, focus: 'Volunteer management and child safeguarding',
    startedOn: '2012-07-01', endedOn: '2013-06-30', recordedAt: '2012-07-01T02:05:00Z',
  },
  {
    slug: 'mentoring:advisor-2:legal-aid-founder', mentor: 'advisor-2', mentee: 'legal-aid-founder',
    kind: MENTORING, course: 'service-park-mentoring-2012', status: ENDED, focus: 'Measuring the outcomes of legal services',
    startedOn: '2012-07-01', endedOn: '2012-10-31', recordedAt: '2012-07-01T02:10:00Z',
  },
  {
    slug: 'mentoring:advisor-3:legal-aid-founder', mentor: 'advisor-3', mentee: 'legal-aid-founder',
    kind: MENTORING, course: 'service-park-mentoring-2012', status: COMPLETED, focus: 'Working with street offices and the civil affairs bureau',
    startedOn: '2012-11-01', endedOn: '2013-06-30', recordedAt: '2012-11-01T02:00:00Z',
  },
  {
    slug: 'mentoring:advisor-4:service-park-director', mentor: 'advisor-4', mentee: 'service-park-director',
    kind: MENTORING, status: ACTIVE, focus: 'Running an incubator: cohorts, space and partners',
    startedOn: '2013-01-15', recordedAt: '2013-01-15T02:00:00Z',
  },
  {
    slug: 'mentoring:sowossky-founder:student-1', mentor: 'sowossky-founder', mentee: 'student-1',
    kind: MENTORING, status: PROPOSED, focus: 'First steps into social-work practice after the camp', recordedAt: '2024-03-01T02:00:00Z',
  },
];
