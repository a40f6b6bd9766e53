import type { EntityManager } from '@mikro-orm/postgresql';
import { illustrative, insertMissing, retractSeed, seedId, upsertSeed, type Logger } from '@ngo-hub/kit';
import { Certificate } from '../src/entities/certificate';
import { Course } from '../src/entities/course';
import { CourseModule } from '../src/entities/course-module';
import { CourseOffering } from '../src/entities/course-offering';
import { Enrollment } from '../src/entities/enrollment';
import { Lesson } from '../src/entities/lesson';
import { LessonCompletion } from '../src/entities/lesson-completion';
import { Mentorship } from '../src/entities/mentorship';
import { Session, sessionOrderKey } from '../src/entities/session';
import { SEED_HOLDER_NAMES } from './certificate-holders.seed';
import { SEED_COURSES } from './courses.seed';
import { SEED_CURRICULUM, SEED_PROGRESS } from './curriculum.seed';
import { RETRACTED_MENTORSHIPS, SEED_MENTORSHIPS } from './mentorships.seed';
import { RETRACTED_SUPERVISORS_SATURDAYS, SEED_SESSIONS } from './sessions.seed';

export { SEED_COURSES } from './courses.seed';
export { SEED_MENTORSHIPS } from './mentorships.seed';
export { SEED_SESSIONS } from './sessions.seed';

const course = (slug: string) => seedId(`course:${slug}`);
const person = (slug: string) => seedId(`person:${slug}`);
const enrollment = (courseSlug: string, personSlug: string) => seedId(`enrollment:${courseSlug}:${personSlug}`);
const lesson = (path: string) => seedId(`lesson:${SEED_CURRICULUM.course}:${path}`);

/** Every seeded enrollment is of an invented person. */
const ENROLLMENT = illustrative("an invented person's enrollment.");
const MENTORSHIP = illustrative('a mentorship between invented people.');
/** What an earlier seed stated that the sources do not: NPI Chengdu and SowosSky offering invented courses; a support-team placeholder's enrollment. */
const RETRACTED_OFFERINGS = [
  ['npi-chengdu-capacity-building', 'npi-chengdu'],
  ['social-work-foundations-online', 'sowossky'],
];
const RETRACTED_ENROLLMENTS = [['npi-chengdu-capacity-building', 'service-park-director']];

/**
 * The training part of the seed sector: courses with their offering organizations, enrollments
 * and certificates, sessions with instructors, mentorships and supervisions, and the online
 * course's modules, lessons and progress. Ids derive from slugs, so loading it again inserts nothing.
 */
export async function seedTraining(em: EntityManager, log: Logger): Promise<number> {
  const now = new Date();
  const courses = SEED_COURSES.map(({ slug, course: fields, provenance }) => ({ ...fields, provenance, id: course(slug) }));
  const offerings = SEED_COURSES.flatMap(({ slug, offeredBy }) =>
    offeredBy.map((organization, position) => ({
      id: seedId(`offering:${slug}:${organization}`),
      course: course(slug),
      organizationId: seedId(`org:${organization}`),
      position,
    })),
  );
  const enrollments = SEED_COURSES.flatMap(({ slug, enrollments: list }) =>
    list.map(({ person: personSlug, status, appliedAt }) => ({
      id: enrollment(slug, personSlug),
      course: course(slug),
      personId: person(personSlug),
      status,
      appliedAt: appliedAt ? new Date(appliedAt) : now,
      updatedAt: now,
      provenance: ENROLLMENT,
    })),
  );
  const certificates = SEED_COURSES.flatMap(({ slug, offeredBy, enrollments: list }) =>
    list.flatMap(({ person: personSlug, certificate }) =>
      certificate
        ? [
            {
              id: seedId(`certificate:${slug}:${personSlug}`),
              code: certificate.code,
              enrollment: enrollment(slug, personSlug),
              course: course(slug),
              personId: person(personSlug),
              holderName: SEED_HOLDER_NAMES[personSlug].name,
              holderNameZh: SEED_HOLDER_NAMES[personSlug].nameZh,
              completedOn: certificate.completedOn,
              issuedAt: new Date(`${certificate.completedOn}T10:00:00Z`),
              issuerOrganizationIds: offeredBy.map((organization) => seedId(`org:${organization}`)),
            },
          ]
        : [],
    ),
  );
  const sessions = SEED_SESSIONS.map(({ course: courseSlug, date, instructor, ...fields }) => ({
    ...fields,
    id: seedId(`session:${courseSlug}:${date}:${fields.startTime}`),
    course: course(courseSlug),
    heldOn: date,
    instructorId: person(instructor),
    orderKey: sessionOrderKey(date, fields.startTime),
  }));
  const mentorships = SEED_MENTORSHIPS.map(({ slug, mentor, mentee, course: courseSlug, recordedAt, ...fields }) => ({
    ...fields,
    id: seedId(`mentorship:${slug}`),
    mentorId: person(mentor),
    menteeId: person(mentee),
    course: courseSlug ? course(courseSlug) : undefined,
    createdAt: new Date(recordedAt),
    provenance: MENTORSHIP,
  }));
  const modules = SEED_CURRICULUM.modules.map(({ slug, lessons: _lessons, ...fields }, i) => ({
    ...fields,
    id: seedId(`module:${SEED_CURRICULUM.course}:${slug}`),
    course: course(SEED_CURRICULUM.course),
    position: i + 1,
  }));
  const lessons = SEED_CURRICULUM.modules.flatMap((module) =>
    module.lessons.map(({ slug, ...fields }, i) => ({
      ...fields,
      id: lesson(`${module.slug}/${slug}`),
      module: seedId(`module:${SEED_CURRICULUM.course}:${module.slug}`),
      position: i + 1,
    })),
  );
  const completions = Object.entries(SEED_PROGRESS).flatMap(([personSlug, paths]) =>
    paths.map((path) => ({
      id: seedId(`lesson-completion:${personSlug}:${path}`),
      enrollment: enrollment(SEED_CURRICULUM.course, personSlug),
      lesson: lesson(path),
      completedAt: now,
    })),
  );

  const withdrawn =
    (await retractSeed(
      em,
      Mentorship,
      RETRACTED_MENTORSHIPS.map((slug) => seedId(`mentorship:${slug}`)),
    )) +
    (await retractSeed(
      em,
      Session,
      RETRACTED_SUPERVISORS_SATURDAYS.map((date) => seedId(`session:chengdu-senior-supervisors:${date}:09:00`)),
    )) +
    (await retractSeed(
      em,
      CourseOffering,
      RETRACTED_OFFERINGS.map(([c, organization]) => seedId(`offering:${c}:${organization}`)),
    )) +
    (await retractSeed(
      em,
      Certificate,
      RETRACTED_ENROLLMENTS.map(([c, p]) => seedId(`certificate:${c}:${p}`)),
    )) +
    (await retractSeed(
      em,
      Enrollment,
      RETRACTED_ENROLLMENTS.map(([c, p]) => enrollment(c, p)),
    ));
  const fromToday = new Set(SEED_COURSES.flatMap(({ slug, enrollments: list }) => list.filter((e) => !e.appliedAt).map((e) => enrollment(slug, e.person))));
  const written = {
    withdrawn,
    courses: await upsertSeed(em, Course, courses as never),
    offerings: await upsertSeed(em, CourseOffering, offerings),
    // enrollments are state the API moves on (approve, drop, complete): the seed sets their status on insert only
    enrollments:
      (await upsertSeed(em, Enrollment, enrollments.filter((e) => !fromToday.has(e.id)) as never, { keep: ['status', 'updatedAt'] })) +
      (await upsertSeed(em, Enrollment, enrollments.filter((e) => fromToday.has(e.id)) as never, { keep: ['status', 'appliedAt', 'updatedAt'] })),
    certificates: await upsertSeed(em, Certificate, certificates),
    sessions: await upsertSeed(em, Session, sessions),
    mentorships: await upsertSeed(em, Mentorship, mentorships),
    modules: await insertMissing(em, CourseModule, modules),
    lessons: await insertMissing(em, Lesson, lessons),
    lessonCompletions: await insertMissing(em, LessonCompletion, completions),
  };
  log.info(written, 'training seeded');
  return Object.values(written).reduce((sum, n) => sum + n, 0);
}
