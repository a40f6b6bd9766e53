import type { RequiredEntityData } from '@mikro-orm/postgresql';
import { CauseArea, illustrative, SEED_SOURCES, sourced, type Provenance } from '@ngo-hub/kit';
import type { Course } from '../src/entities/course';
import { Audience } from '../src/vocabulary/audience';
import { CourseKind } from '../src/vocabulary/course-kind';
import { EnrollmentStatus } from '../src/vocabulary/enrollment-status';
import { daysFromToday } from './seed-dates';

export interface SeedEnrollment {
  /** Slug of a person (`seedId('person:<slug>')`). */
  person: string;
  status: EnrollmentStatus;
  appliedAt?: string;
  /** Every COMPLETED enrollment has one: its fixed verification code and the day it was completed. */
  certificate?: { code: string; completedOn: string };
}

export interface SeedCourse {
  slug: string;
  course: Omit<RequiredEntityData<Course>, 'id' | 'provenance'>;
  /** The article it comes from, or that it is illustrative; its enrollments are of invented people, always illustrative. */
  provenance: Provenance;
  /** Slugs of organizations (`seedId('org:<slug>')`), the lead first. */
  offeredBy: string[];
  enrollments: SeedEnrollment[];
}

const C = CauseArea;
/** Said of a sourced course whose instance the seed fills in for the hub to be usable. */
const INVENTED_DETAILS = 'Dates, schedule, language, capacity and sessions are illustrative: the article does not give them.';
const { APPLIED, COMPLETED, ENROLLED } = EnrollmentStatus;

export const SEED_COURSES: SeedCourse[] = [
  {
    slug: 'spread-your-wings',
    course: {
      title: '"Spread Your Wings" Training Camp',
      titleZh: '青翼训练营',
      kind: CourseKind.TRAINING_CAMP,
      description:
        "SowosSky's training camp for professional social workers and social-work students: workshops, symposia, practical training, peer mentoring, " +
        'individual supervision and sharing of experience, with supervisors guiding participants through challenges. In 2009 recognized as the social ' +
        'entrepreneur project with the most potential by the British Embassy (the British Council) and the YouChange China Social Entrepreneur Foundation.',
      descriptionZh: '青翼社会工作人才服务中心为专业社工和社会工作专业学生举办的训练营。',
      audiences: [Audience.STUDENTS, Audience.PROFESSIONAL_SOCIAL_WORKERS],
      online: false,
      startsOn: daysFromToday(45),
      endsOn: daysFromToday(50),
      schedule: 'Six days, residential; daily 9:00–17:00 with evening group work',
      scheduleZh: '六天集中住宿；每天 9:00–17:00，晚间小组工作',
      language: 'zh',
      capacity: 40,
      requiresApproval: true,
      recognitions: [
        {
          year: 2009,
          title: 'Social entrepreneur project with the most potential',
          awardedBy: 'British Embassy (the British Council) and the YouChange China Social Entrepreneur Foundation (友成企业家基金会)',
        },
      ],
      causeAreas: [C.SOCIAL_WORK, C.EDUCATION],
    },
    offeredBy: ['sowossky'],
    provenance: sourced(SEED_SOURCES.sowossky, `The camp, its audience, content and 2009 recognition. ${INVENTED_DETAILS}`),
    enrollments: [
      { person: 'student-1', status: ENROLLED },
      { person: 'student-2', status: ENROLLED },
      { person: 'supervisor-trainee-1', status: APPLIED },
    ],
  },
  {
    slug: 'chengdu-senior-supervisors',
    course: {
      title: 'Course for senior social-work supervisors',
      titleZh: '高级社工督导班',
      kind: CourseKind.SUPERVISION_PROGRAMME,
      description:
        'Run by the Chengdu NGO Service Park, the Southwestern University of Finance and Economics and the Taiwan Red Cross; funded from Taiwan; ' +
        'taught by an instructor with over 20 years of social-work experience who flies in from Taiwan every week.',
      descriptionZh: '由成都公益组织服务园、西南财经大学与台湾红十字会合办，经费来自台湾，讲师每周从台湾飞来授课。',
      audiences: [Audience.SUPERVISORS, Audience.PROFESSIONAL_SOCIAL_WORKERS],
      city: 'Chengdu',
      online: false,
      startsOn: '2012-09-01',
      endsOn: '2013-06-30',
      schedule: 'Every Saturday 9:00–12:00 (no classes over the Spring Festival), with individual supervision in between',
      scheduleZh: '每周六 9:00–12:00（春节期间停课），其间另有个别督导',
      language: 'zh',
      capacity: 30,
      requiresApproval: true,
      causeAreas: [C.SOCIAL_WORK, C.SECTOR_CAPACITY_BUILDING],
    },
    offeredBy: ['chengdu-ngo-service-park', 'swufe', 'taiwan-red-cross'],
    provenance: sourced(
      SEED_SOURCES.servicePark,
      `The course, its three organizers, its funding from Taiwan and its weekly instructor from Taiwan. ${INVENTED_DETAILS}`,
    ),
    enrollments: [
      {
        person: 'supervisor-trainee-1',
        status: COMPLETED,
        appliedAt: '2012-07-04T02:00:00Z',
        certificate: { code: 'CGJF6P3C2EQP', completedOn: '2013-06-30' },
      },
      {
        person: 'supervisor-trainee-2',
        status: COMPLETED,
        appliedAt: '2012-07-05T03:30:00Z',
        certificate: { code: 'MHME17GB9PVD', completedOn: '2013-06-30' },
      },
      {
        person: 'elderly-care-founder',
        status: COMPLETED,
        appliedAt: '2012-07-11T01:15:00Z',
        certificate: { code: '282GBPDC3KPS', completedOn: '2013-06-30' },
      },
      {
        person: 'migrant-children-founder',
        status: COMPLETED,
        appliedAt: '2012-07-12T06:00:00Z',
        certificate: { code: 'NDVFR9AG8400', completedOn: '2013-06-30' },
      },
      { person: 'legal-aid-founder', status: COMPLETED, appliedAt: '2012-07-12T08:45:00Z', certificate: { code: 'WV4ZNZJRWEMZ', completedOn: '2013-06-30' } },
    ],
  },
  {
    slug: 'npi-chengdu-capacity-building',
    course: {
      title: 'Capacity-Building Workshop for Incubated NGOs',
      titleZh: '入壳机构能力建设工作坊',
      kind: CourseKind.WORKSHOP,
      description: "Illustrative example of the Service Park's capacity building: project design, financial management and governance for its first cohort.",
      descriptionZh: '示例：面向成都公益组织服务园首批入壳机构的项目设计、财务管理与治理培训。',
      audiences: [Audience.NGO_STAFF],
      city: 'Chengdu',
      online: false,
      startsOn: '2012-11-10',
      endsOn: '2012-11-11',
      schedule: 'Saturday and Sunday, 9:00–17:00',
      scheduleZh: '周六、周日 9:00–17:00',
      language: 'zh',
      capacity: 25,
      causeAreas: [C.SECTOR_CAPACITY_BUILDING],
    },
    offeredBy: ['chengdu-ngo-service-park'],
    provenance: illustrative('an invented workshop standing for the capacity building the article says the Service Park focuses on.', SEED_SOURCES.servicePark),
    enrollments: [
      { person: 'legal-aid-founder', status: COMPLETED, appliedAt: '2012-10-18T02:00:00Z', certificate: { code: 'XGJBK1BTTQXX', completedOn: '2012-11-11' } },
      {
        person: 'elderly-care-founder',
        status: COMPLETED,
        appliedAt: '2012-10-20T02:00:00Z',
        certificate: { code: 'RHJAT72Z3JJF', completedOn: '2012-11-11' },
      },
    ],
  },
  {
    slug: 'service-park-mentoring-2012',
    course: {
      title: 'Service Park Mentoring Programme for Incubated NGOs',
      titleZh: '服务园入壳机构导师计划',
      kind: CourseKind.MENTORING_PROGRAMME,
      description: 'Illustrative example: pairs the founders of NGOs incubated at the Chengdu NGO Service Park with experienced practitioners for a year.',
      descriptionZh: '示例：为成都公益组织服务园入壳机构的创始人配对资深从业者，为期一年。',
      audiences: [Audience.NGO_STAFF],
      city: 'Chengdu',
      online: false,
      startsOn: '2012-07-01',
      endsOn: '2013-06-30',
      schedule: 'A meeting with the mentor at least once a month; a group review every quarter',
      scheduleZh: '每月至少与导师会面一次；每季度集中交流一次',
      language: 'zh',
      capacity: 10,
      requiresApproval: true,
      causeAreas: [C.SECTOR_CAPACITY_BUILDING],
    },
    offeredBy: ['chengdu-ngo-service-park'],
    provenance: illustrative('an invented mentoring programme of the Service Park (the article describes none).', SEED_SOURCES.servicePark),
    enrollments: [
      {
        person: 'elderly-care-founder',
        status: COMPLETED,
        appliedAt: '2012-06-05T02:00:00Z',
        certificate: { code: '98CHRY0NMCGF', completedOn: '2013-06-30' },
      },
      {
        person: 'migrant-children-founder',
        status: COMPLETED,
        appliedAt: '2012-06-06T02:00:00Z',
        certificate: { code: 'RVXN696XZGKT', completedOn: '2013-06-30' },
      },
      { person: 'legal-aid-founder', status: COMPLETED, appliedAt: '2012-06-08T02:00:00Z', certificate: { code: 'ZYNS4TR310B8', completedOn: '2013-06-30' } },
    ],
  },
  {
    slug: 'social-work-foundations-online',
    course: {
      title: 'Foundations of Social Work Practice (online)',
      titleZh: '社会工作实务基础（远程课程）',
      kind: CourseKind.DISTANCE_LEARNING,
      description: 'Self-paced online course on social-work values, casework and group work, for students, volunteers and NGO staff.',
      descriptionZh: '自主进度的在线课程：社会工作价值观、个案工作与小组工作。',
      audiences: [Audience.STUDENTS, Audience.VOLUNTEERS, Audience.NGO_STAFF],
      online: true,
      startsOn: daysFromToday(-30),
      endsOn: daysFromToday(120),
      schedule: 'Self-paced: eight lessons in three modules, about ten hours in all',
      scheduleZh: '自主进度：三个单元共八课，约十小时',
      language: 'zh',
      feeAmount: '200.00',
      feeCurrency: 'CNY',
      causeAreas: [C.SOCIAL_WORK, C.EDUCATION],
    },
    offeredBy: ['chengdu-post-earthquake-social-work-station'],
    provenance: illustrative('an invented online course offered by an invented organization (SowosSky only plans distance learning).'),
    enrollments: [
      { person: 'student-2', status: ENROLLED },
      { person: 'student-1', status: ENROLLED },
      { person: 'migrant-children-founder', status: COMPLETED, certificate: { code: '2K94FPVGZVNX', completedOn: daysFromToday(-5) } },
    ],
  },
];
