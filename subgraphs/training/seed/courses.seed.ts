import type { RequiredEntityData } from '@mikro-orm/postgresql';
import { CauseArea, seedId } from '@ngo-hub/kit';
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
  course: Omit<RequiredEntityData<Course>, 'id'>;
  /** Slugs of organizations (`seedId('org:<slug>')`), the lead first. */
  offeredBy: string[];
  enrollments: SeedEnrollment[];
}

const C = CauseArea;
const { APPLIED, COMPLETED, ENROLLED } = EnrollmentStatus;

export const SEED_COURSES: SeedCourse[] = [
  {
    slug: 'spread-your-wings',
    course: {
      title: '"Spread Your Wings" Social Work Student Training Camp',
      titleZh: '展翅计划·社工学生训练营',
      kind: CourseKind.TRAINING_CAMP,
      description: 'SowosSky\'s camp that prepares social-work students for practice: fieldwork skills, supervision and career paths in the sector.',
      descriptionZh: '社工天空为社会工作专业学生举办的训练营：实务技能、督导与行业职业发展。',
      audiences: [Audience.STUDENTS],
      online: false,
      startsOn: daysFromToday(45),
      endsOn: daysFromToday(50),
      schedule: 'Six days, residential; daily 9:00–17:00 with evening group work',
      scheduleZh: '六天集中住宿；每天 9:00–17:00，晚间小组工作',
      language: 'zh',
      capacity: 40,
      requiresApproval: true,
      // The sources at hand record a 2009 recognition of the camp but not its wording or who gave
      // it: title and awarding body are placeholders, as the people seed's names are.
      recognitions: [
        {
          year: 2009,
          title: 'Outstanding Social Work Student Training Programme (placeholder title)',
          titleZh: '优秀社会工作学生培养项目（占位名称）',
          awardedBy: 'Social-work education community (placeholder)',
          awardedByZh: '社会工作教育界（占位）',
        },
      ],
      causeAreas: [C.SOCIAL_WORK, C.EDUCATION],
    },
    offeredBy: ['sowossky'],
    enrollments: [
      { person: 'student-1', status: ENROLLED },
      { person: 'student-2', status: ENROLLED },
      { person: 'supervisor-trainee-1', status: APPLIED },
    ],
  },
  {
    slug: 'chengdu-senior-supervisors',
    course: {
      title: 'Senior Social Work Supervisors Training',
      titleZh: '高级社工督导培训',
      kind: CourseKind.SUPERVISION_PROGRAMME,
      description: 'Trains senior social-work supervisors for Chengdu\'s NGOs, run by the Chengdu NGO Service Park with the Southwestern University of Finance and Economics and the Taiwan Red Cross.',
      descriptionZh: '成都公益组织服务园联合西南财经大学与台湾红十字组织开展的高级社工督导培训。',
      audiences: [Audience.SUPERVISORS, Audience.PROFESSIONAL_SOCIAL_WORKERS],
      city: 'Chengdu',
      online: false,
      startsOn: '2011-09-01',
      endsOn: '2012-06-30',
      schedule: 'Every Saturday 9:00–12:00 (no classes over the Spring Festival), with individual supervision in between',
      scheduleZh: '每周六 9:00–12:00（春节期间停课），其间另有个别督导',
      language: 'zh',
      capacity: 30,
      requiresApproval: true,
      causeAreas: [C.SOCIAL_WORK, C.SECTOR_CAPACITY_BUILDING],
    },
    offeredBy: ['chengdu-ngo-service-park', 'swufe', 'taiwan-red-cross'],
    enrollments: [
      { person: 'supervisor-trainee-1', status: COMPLETED, appliedAt: '2011-07-04T02:00:00Z', certificate: { code: 'CGJF6P3C2EQP', completedOn: '2012-06-30' } },
      { person: 'supervisor-trainee-2', status: COMPLETED, appliedAt: '2011-07-05T03:30:00Z', certificate: { code: 'MHME17GB9PVD', completedOn: '2012-06-30' } },
      { person: 'elderly-care-founder', status: COMPLETED, appliedAt: '2011-07-11T01:15:00Z', certificate: { code: '282GBPDC3KPS', completedOn: '2012-06-30' } },
      { person: 'migrant-children-founder', status: COMPLETED, appliedAt: '2011-07-12T06:00:00Z', certificate: { code: 'NDVFR9AG8400', completedOn: '2012-06-30' } },
      { person: 'legal-aid-founder', status: COMPLETED, appliedAt: '2011-07-12T08:45:00Z', certificate: { code: 'WV4ZNZJRWEMZ', completedOn: '2012-06-30' } },
    ],
  },
  {
    slug: 'npi-chengdu-capacity-building',
    course: {
      title: 'Capacity-Building Workshop for Incubated NGOs',
      titleZh: '入壳机构能力建设工作坊',
      kind: CourseKind.WORKSHOP,
      description: 'Project design, financial management and governance for the first cohort incubated at the Chengdu NGO Service Park.',
      descriptionZh: '面向成都公益组织服务园首批入壳机构的项目设计、财务管理与治理培训。',
      audiences: [Audience.NGO_STAFF],
      city: 'Chengdu',
      online: false,
      startsOn: '2011-05-14',
      endsOn: '2011-05-15',
      schedule: 'Saturday and Sunday, 9:00–17:00',
      scheduleZh: '周六、周日 9:00–17:00',
      language: 'zh',
      capacity: 25,
      causeAreas: [C.SECTOR_CAPACITY_BUILDING],
    },
    offeredBy: ['npi-chengdu', 'chengdu-ngo-service-park'],
    enrollments: [
      { person: 'service-park-director', status: COMPLETED, appliedAt: '2011-04-18T02:00:00Z', certificate: { code: 'XGJBK1BTTQXX', completedOn: '2011-05-15' } },
      { person: 'elderly-care-founder', status: COMPLETED, appliedAt: '2011-04-20T02:00:00Z', certificate: { code: 'RHJAT72Z3JJF', completedOn: '2011-05-15' } },
    ],
  },
  {
    slug: 'service-park-mentoring-2012',
    course: {
      title: 'Service Park Mentoring Programme for Incubated NGOs',
      titleZh: '服务园入壳机构导师计划',
      kind: CourseKind.MENTORING_PROGRAMME,
      description: 'Pairs the founders of NGOs incubated at the Chengdu NGO Service Park with members of its advisory committee for a year, funded by the Chengdu Social Organization Development Foundation.',
      descriptionZh: '为成都公益组织服务园入壳机构的创始人配对专家顾问委员会成员，为期一年，由成都市社会组织发展基金会资助。',
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
      fundingGrantId: seedId('grant:csodf-2012-service-park-capacity-building'),
      causeAreas: [C.SECTOR_CAPACITY_BUILDING],
    },
    offeredBy: ['chengdu-ngo-service-park'],
    enrollments: [
      { person: 'elderly-care-founder', status: COMPLETED, appliedAt: '2012-06-05T02:00:00Z', certificate: { code: '98CHRY0NMCGF', completedOn: '2013-06-30' } },
      { person: 'migrant-children-founder', status: COMPLETED, appliedAt: '2012-06-06T02:00:00Z', certificate: { code: 'RVXN696XZGKT', completedOn: '2013-06-30' } },
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
    offeredBy: ['sowossky'],
    enrollments: [
      { person: 'student-2', status: ENROLLED },
      { person: 'student-1', status: ENROLLED },
      { person: 'migrant-children-founder', status: COMPLETED, certificate: { code: '2K94FPVGZVNX', completedOn: daysFromToday(-5) } },
    ],
  },
];
