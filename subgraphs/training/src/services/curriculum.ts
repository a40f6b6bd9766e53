import { LockMode, raw, type EntityManager, type EntityName, type FilterQuery } from '@mikro-orm/postgresql';
import {
  type ConnectionArgs,
  defineByIdLoader,
  definePageLoader,
  findOrNotFound,
  optionalText,
  optionalUrl,
  paginateByParent,
  requiredText,
  UserInputError,
} from '@ngo-hub/kit';
import { CourseModule } from '../entities/course-module';
import { Lesson } from '../entities/lesson';
import type { AddCourseModuleInput, AddLessonInput } from '../inputs/curriculum.input';
import { lockCourse } from './course-locks';

/** The position a new item takes among `count` siblings: the one asked for (1 to count + 1) or the last. */
function positionOf(value: number | null | undefined, count: number, field: string): number {
  if (value === null || value === undefined) return count + 1;
  if (!Number.isInteger(value) || value < 1 || value > count + 1) {
    throw new UserInputError(`${field} must be from 1 to ${count + 1} (got ${value})`, field);
  }
  return value;
}

/**
 * Moves the siblings at and after a new item's position one down. Positions are unique per
 * parent and Postgres checks that row by row, so they pass through negatives to get there.
 */
async function makeRoom<T extends { position: number }>(em: EntityManager, entity: EntityName<T>, parent: FilterQuery<T>, position: number): Promise<void> {
  await em.nativeUpdate(entity, { $and: [parent, { position: { $gte: position } }] } as FilterQuery<T>, { position: raw('-position - 1') } as never);
  await em.nativeUpdate(entity, { $and: [parent, { position: { $lt: 0 } }] } as FilterQuery<T>, { position: raw('-position') } as never);
}

/** Adds a module to a course, under the course's lock so that two additions never take one place. */
export async function addCourseModule(em: EntityManager, input: AddCourseModuleInput): Promise<CourseModule> {
  const title = requiredText(input.title, 'title', 300);
  const titleZh = optionalText(input.titleZh, 'titleZh', 300);
  const summary = optionalText(input.summary, 'summary', 5000);
  return em.transactional(async (tx) => {
    const course = await lockCourse(tx, input.courseId, 'courseId');
    const position = positionOf(input.position, await tx.count(CourseModule, { course }), 'position');
    await makeRoom(tx, CourseModule, { course }, position);
    const module = tx.create(CourseModule, { course, position, title, titleZh, summary });
    await tx.flush();
    return module;
  });
}

/** Adds a lesson to a module, under the module's row lock. */
export async function addLesson(em: EntityManager, input: AddLessonInput): Promise<Lesson> {
  const title = requiredText(input.title, 'title', 300);
  const titleZh = optionalText(input.titleZh, 'titleZh', 300);
  const contentUrl = optionalUrl(input.contentUrl, 'contentUrl');
  const duration = input.durationMinutes ?? undefined;
  if (duration !== undefined && (!Number.isInteger(duration) || duration < 1 || duration > 32767)) {
    throw new UserInputError(`durationMinutes must be a whole number of minutes, at least 1 (got ${duration})`, 'durationMinutes');
  }
  return em.transactional(async (tx) => {
    const module = await findOrNotFound(tx, CourseModule, input.moduleId, 'moduleId', { lockMode: LockMode.PESSIMISTIC_WRITE });
    const position = positionOf(input.position, await tx.count(Lesson, { module }), 'position');
    await makeRoom(tx, Lesson, { module }, position);
    const lesson = tx.create(Lesson, { module, position, title, titleZh, contentUrl, durationMinutes: duration });
    await tx.flush();
    return lesson;
  });
}

/** Modules by id, many per query (`Lesson.module`). */
export const moduleById = defineByIdLoader('moduleById', CourseModule);

/** `Course.modules` for many courses: two queries whatever their number. */
export const modulesByCourse = definePageLoader<CourseModule, ConnectionArgs>('modulesByCourse', (courseIds, args, ctx) =>
  paginateByParent(ctx.em, CourseModule, 'course', courseIds, {}, args, { by: 'position' }),
);

/** `CourseModule.lessons` for many modules: two queries whatever their number. */
export const lessonsByModule = definePageLoader<Lesson, ConnectionArgs>('lessonsByModule', (moduleIds, args, ctx) =>
  paginateByParent(ctx.em, Lesson, 'module', moduleIds, {}, args, { by: 'position' }),
);
