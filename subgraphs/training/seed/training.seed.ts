import type { EntityManager, RequiredEntityData } from '@mikro-orm/postgresql';
import { CauseArea, insertMissing, seedId, type Logger } from '@ngo-hub/kit';
import { Course } from '../src/entities/course';
import { CourseOffering } from '../src/entities/course-offering';
import { Enrollment } from '../src/entities/enrollment';
import { Audience } from '../src/vocabulary/audience';
import { CourseKind } from '../src/vocabulary/course-kind';
import { EnrollmentStatus } from '../src/vocabulary/enrollment-status';

interface SeedCourse {
  slug: string;
  course: Omit<RequiredEntityData<Course>, 'id'>;
  /** Slugs of organizations (`seedId('org:<slug>')`). */
  offeredBy: string[];
  /** Slugs of people (`seedId('person:<slug>')`) with their status and when they applied. */
  enrollments: { person: string; status: EnrollmentStatus; appliedAt?: string }[];
}

/**
 * A date this many days after the day the seed is loaded. Upcoming courses are placed relative to
 * it so that a fresh hub always has courses open for enrollment; past ones have their real dates.
 */
function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const C = CauseArea;
const { COMPLETED, ENROLLED } = EnrollmentStatus;

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
      language: 'zh',
      capacity: 40,
      causeAreas: [C.SOCIAL_WORK, C.EDUCATION],
    },
    offeredBy: ['sowossky'],
    enrollments: [
      { person: 'student-1', status: ENROLLED },
      { person: 'student-2', status: ENROLLED },
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
      language: 'zh',
      capacity: 30,
      causeAreas: [C.SOCIAL_WORK, C.SECTOR_CAPACITY_BUILDING],
    },
    offeredBy: ['chengdu-ngo-service-park', 'swufe', 'taiwan-red-cross'],
    enrollments: [
      { person: 'supervisor-trainee-1', status: COMPLETED, appliedAt: '2011-07-04T02:00:00Z' },
      { person: 'supervisor-trainee-2', status: COMPLETED, appliedAt: '2011-07-05T03:30:00Z' },
      { person: 'elderly-care-founder', status: COMPLETED, appliedAt: '2011-07-11T01:15:00Z' },
      { person: 'migrant-children-founder', status: COMPLETED, appliedAt: '2011-07-12T06:00:00Z' },
      { person: 'legal-aid-founder', status: COMPLETED, appliedAt: '2011-07-12T08:45:00Z' },
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
      language: 'zh',
      capacity: 25,
      causeAreas: [C.SECTOR_CAPACITY_BUILDING],
    },
    offeredBy: ['npi-chengdu', 'chengdu-ngo-service-park'],
    enrollments: [
      { person: 'service-park-director', status: COMPLETED, appliedAt: '2011-04-18T02:00:00Z' },
      { person: 'elderly-care-founder', status: COMPLETED, appliedAt: '2011-04-20T02:00:00Z' },
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
      startsOn: daysFromToday(14),
      endsOn: daysFromToday(134),
      language: 'zh',
      feeAmount: '200.00',
      feeCurrency: 'CNY',
      causeAreas: [C.SOCIAL_WORK, C.EDUCATION],
    },
    offeredBy: ['sowossky'],
    enrollments: [{ person: 'student-2', status: ENROLLED }],
  },
];

export async function seedTraining(em: EntityManager, log: Logger): Promise<number> {
  const now = new Date();
  const courses = SEED_COURSES.map(({ slug, course }) => ({ ...course, id: seedId(`course:${slug}`) }));
  const offerings = SEED_COURSES.flatMap(({ slug, offeredBy }) =>
    offeredBy.map((organization, position) => ({
      id: seedId(`offering:${slug}:${organization}`),
      course: seedId(`course:${slug}`),
      organizationId: seedId(`org:${organization}`),
      position,
    })),
  );
  const enrollments = SEED_COURSES.flatMap(({ slug, enrollments: list }) =>
    list.map(({ person, status, appliedAt }) => ({
      id: seedId(`enrollment:${slug}:${person}`),
      course: seedId(`course:${slug}`),
      personId: seedId(`person:${person}`),
      status,
      appliedAt: appliedAt ? new Date(appliedAt) : now,
      updatedAt: now,
    })),
  );
  const written = {
    courses: await insertMissing(em, Course, courses),
    offerings: await insertMissing(em, CourseOffering, offerings),
    enrollments: await insertMissing(em, Enrollment, enrollments),
  };
  log.info(written, 'training seeded');
  return written.courses + written.offerings + written.enrollments;
}
