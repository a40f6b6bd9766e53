import { type EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, defineLoader, findOrNotFound, query, type References, tableOf, UserInputError } from '@ngo-hub/kit';
import type { Certificate } from '../entities/certificate';
import { CourseModule } from '../entities/course-module';
import { Enrollment } from '../entities/enrollment';
import { Lesson } from '../entities/lesson';
import { LessonCompletion } from '../entities/lesson-completion';
import { EnrollmentStatus } from '../vocabulary/enrollment-status';
import { lockEnrollment } from './course-locks';
import { markCompleted } from './enrollments';

/** Lessons of an enrollment's course that it has not completed, counted in SQL. */
async function lessonsLeft(em: EntityManager, enrollment: Enrollment): Promise<number> {
  const [row] = await query<{ left: number }>(
    em,
    `select count(*)::int as "left" from ${tableOf(em, Lesson)} l join ${tableOf(em, CourseModule)} m on m.id = l.module_id
      where m.course_id = ? and not exists (select 1 from ${tableOf(em, LessonCompletion)} c where c.lesson_id = l.id and c.enrollment_id = ?)`,
    [enrollment.course.id, enrollment.id],
  );
  return Number(row!.left);
}

/**
 * `Enrollment.progress` for many enrollments in one statement: lessons completed over the
 * lessons of the course, 0 to 1; null for a course without lessons.
 */
export const progressByEnrollment = defineLoader<string, number | null>('progressByEnrollment', async (ids, ctx) => {
  const { em } = ctx;
  const rows = await query<{ id: string; progress: number | null }>(
    em,
    `select e.id, case when total.lessons = 0 then null else least(done.lessons::float8 / total.lessons, 1) end as progress
      from ${tableOf(em, Enrollment)} e
      cross join lateral (select count(*) as lessons from ${tableOf(em, Lesson)} l join ${tableOf(em, CourseModule)} m on m.id = l.module_id where m.course_id = e.course_id) total
      cross join lateral (select count(*) as lessons from ${tableOf(em, LessonCompletion)} c where c.enrollment_id = e.id) done
      where e.id in (${ids.map(() => '?').join(', ')})`,
    ids,
  );
  const byId = new Map(rows.map((row) => [row.id, row.progress === null ? null : Number(row.progress)]));
  return ids.map((id) => byId.get(id) ?? null);
});

export interface LessonCompleted {
  enrollment: Enrollment;
  lesson: Lesson;
  completion: LessonCompletion;
  /** Issued when this lesson was the last one: the enrollment is now COMPLETED. */
  certificate: Certificate | null;
}

/**
 * Records that an ENROLLED person completed a lesson of their course. Completing it again
 * changes nothing. The last lesson completes the enrollment and issues its certificate in the
 * same transaction; the enrollment's row lock makes concurrent lessons of one person take turns.
 */
export async function completeLesson(em: EntityManager, references: References, enrollmentId: string, lessonId: string): Promise<LessonCompleted> {
  return em.transactional(async (tx) => {
    const enrollment = await lockEnrollment(tx, enrollmentId, 'enrollmentId', { withCourse: false });
    const lesson = await findOrNotFound(tx, Lesson, lessonId, 'lessonId', { populate: ['module'] });
    if (lesson.module.course.id !== enrollment.course.id) {
      throw new UserInputError(`lesson ${lessonId} belongs to another course than the enrollment's`, 'lessonId');
    }
    if (enrollment.status !== EnrollmentStatus.ENROLLED) {
      throw new ConflictError(`only an ENROLLED enrollment records progress; this one is ${enrollment.status}`, {
        field: 'enrollmentId',
        from: enrollment.status,
      });
    }
    const done = await tx.findOne(LessonCompletion, { enrollment, lesson });
    if (done) return { enrollment, lesson, completion: done, certificate: null };
    const completion = tx.create(LessonCompletion, { enrollment, lesson });
    await tx.flush();
    const certificate = (await lessonsLeft(tx, enrollment)) === 0 ? await markCompleted(tx, references, enrollment, 'enrollmentId') : null;
    return { enrollment, lesson, completion, certificate };
  });
}
