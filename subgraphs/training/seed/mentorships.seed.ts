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
const { COMPLETED, ENDED, PROPOSED } = MentorshipStatus;

/**
 * Mentorships an earlier seed gave to placeholders of real, unnamed people (committee experts, a
 * support-team member) or to a placeholder founder of SowosSky: the article describes none. Taken back.
 */
export const RETRACTED_MENTORSHIPS = [
  'mentoring:advisor-4:elderly-care-founder',
  'mentoring:advisor-5:migrant-children-founder',
  'mentoring:advisor-2:legal-aid-founder',
  'mentoring:advisor-3:legal-aid-founder',
  'mentoring:advisor-4:service-park-director',
  'mentoring:sowossky-founder:student-1',
];

export const SEED_MENTORSHIPS: SeedMentorship[] = [
  {
    slug: 'supervision:advisor-taiwan-supervisor:supervisor-trainee-1',
    mentor: 'advisor-taiwan-supervisor',
    mentee: 'supervisor-trainee-1',
    kind: SUPERVISION,
    course: 'chengdu-senior-supervisors',
    status: COMPLETED,
    focus: 'Individual supervision of casework and of supervising others',
    startedOn: '2012-09-08',
    endedOn: '2013-06-30',
    recordedAt: '2012-09-08T01:00:00Z',
  },
  {
    slug: 'supervision:advisor-taiwan-supervisor:supervisor-trainee-2',
    mentor: 'advisor-taiwan-supervisor',
    mentee: 'supervisor-trainee-2',
    kind: SUPERVISION,
    course: 'chengdu-senior-supervisors',
    status: COMPLETED,
    focus: 'Individual supervision of group work and of supervising others',
    startedOn: '2012-09-08',
    endedOn: '2013-06-30',
    recordedAt: '2012-09-08T01:05:00Z',
  },
  {
    slug: 'mentoring:advisor-swufe-professor:elderly-care-founder',
    mentor: 'advisor-swufe-professor',
    mentee: 'elderly-care-founder',
    kind: MENTORING,
    course: 'service-park-mentoring-2012',
    status: COMPLETED,
    focus: 'Growing a community elderly-care service under government purchase',
    startedOn: '2012-07-01',
    endedOn: '2013-06-30',
    recordedAt: '2012-07-01T02:00:00Z',
  },
  {
    slug: 'mentoring:advisor-swufe-professor:migrant-children-founder',
    mentor: 'advisor-swufe-professor',
    mentee: 'migrant-children-founder',
    kind: MENTORING,
    course: 'service-park-mentoring-2012',
    status: COMPLETED,
    focus: 'Volunteer management and child safeguarding',
    startedOn: '2012-07-01',
    endedOn: '2013-06-30',
    recordedAt: '2012-07-01T02:05:00Z',
  },
  {
    slug: 'mentoring:advisor-swufe-professor:legal-aid-founder',
    mentor: 'advisor-swufe-professor',
    mentee: 'legal-aid-founder',
    kind: MENTORING,
    course: 'service-park-mentoring-2012',
    status: ENDED,
    focus: 'Measuring the outcomes of legal services',
    startedOn: '2012-07-01',
    endedOn: '2012-10-31',
    recordedAt: '2012-07-01T02:10:00Z',
  },
  {
    slug: 'mentoring:supervisor-trainee-2:student-1',
    mentor: 'supervisor-trainee-2',
    mentee: 'student-1',
    kind: MENTORING,
    status: PROPOSED,
    focus: 'First steps into social-work practice after the camp',
    recordedAt: '2024-03-01T02:00:00Z',
  },
];
