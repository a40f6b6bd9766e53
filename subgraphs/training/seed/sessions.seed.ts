import { daysFromToday, weekdaysBetween } from './seed-dates';

export interface SeedSession {
  /** Slug of the course (`seedId('course:<slug>')`). */
  course: string;
  date: string;
  startTime: string;
  endTime: string;
  topic: string;
  topicZh: string;
  place: string;
  /** Slug of the instructor (`seedId('person:<slug>')`). */
  instructor: string;
}

/** The article says the course's instructor flies in from Taiwan every week: every session is theirs. Topics are illustrative. */
const INSTRUCTOR = 'advisor-taiwan-supervisor';
const SUPERVISION_TOPICS: { topic: string; topicZh: string; instructor: string }[] = [
  { topic: 'Models and functions of social-work supervision', topicZh: '社会工作督导的模式与功能', instructor: INSTRUCTOR },
  { topic: 'Individual supervision in practice', topicZh: '个别督导实务', instructor: INSTRUCTOR },
  { topic: 'Group supervision and peer supervision', topicZh: '团体督导与朋辈督导', instructor: INSTRUCTOR },
  { topic: 'Case review: casework with elderly residents', topicZh: '个案研讨：社区长者个案工作', instructor: INSTRUCTOR },
  { topic: 'Supervising new social workers in NGOs', topicZh: '公益组织新进社工的督导', instructor: INSTRUCTOR },
  { topic: 'Ethics and boundaries in supervision', topicZh: '督导中的伦理与界限', instructor: INSTRUCTOR },
  { topic: 'Supervision in Chinese NGOs', topicZh: '中国公益组织中的督导', instructor: INSTRUCTOR },
  { topic: 'Supervision after disasters', topicZh: '灾后社会工作督导', instructor: INSTRUCTOR },
];

/** The Saturdays of the supervisors course, without the two over the 2013 Spring Festival. */
const SPRING_FESTIVAL_2013 = new Set(['2013-02-09', '2013-02-16']);
const SUPERVISORS_SATURDAYS = weekdaysBetween(6, '2012-09-01', '2013-06-30').filter((day) => !SPRING_FESTIVAL_2013.has(day));

/** Saturdays an earlier seed gave the course (2011–2012, before the Service Park opened): taken back. */
export const RETRACTED_SUPERVISORS_SATURDAYS = weekdaysBetween(6, '2011-09-01', '2012-06-30');

const CAMP_DAYS = [
  {
    day: 45,
    topic: "Opening: what social workers do in China's NGOs",
    topicZh: '开营：社会工作者在中国公益组织中做什么',
    instructor: 'advisor-swufe-professor',
  },
  { day: 46, topic: 'Fieldwork skills: interviewing and assessment', topicZh: '实务技能：会谈与评估', instructor: 'advisor-swufe-professor' },
  { day: 48, topic: 'Being supervised: how to use supervision', topicZh: '接受督导：如何用好督导', instructor: 'advisor-swufe-professor' },
  { day: 50, topic: 'Career paths in the sector', topicZh: '公益行业的职业发展', instructor: 'advisor-swufe-professor' },
];

export const SEED_SESSIONS: SeedSession[] = [
  ...SUPERVISORS_SATURDAYS.map((date, i) => ({
    course: 'chengdu-senior-supervisors',
    date,
    startTime: '09:00',
    endTime: '12:00',
    ...SUPERVISION_TOPICS[i % SUPERVISION_TOPICS.length],
    place: i % 2 === 0 ? 'Chengdu NGO Service Park, training room' : 'Southwestern University of Finance and Economics, Liulin campus',
  })),
  ...CAMP_DAYS.map(({ day, ...session }) => ({
    course: 'spread-your-wings',
    date: daysFromToday(day),
    startTime: '09:00',
    endTime: '12:00',
    ...session,
    place: 'Camp venue to be announced to participants',
  })),
];
