import { Auth, AuthRule, ConnectionArgs, type HubContext } from '@ngo-hub/kit';
import { Arg, Args, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { Course } from '../entities/course';
import { CourseModule } from '../entities/course-module';
import { AddCourseModuleInput } from '../inputs/curriculum.input';
import { courseById } from '../services/courses';
import { addCourseModule, lessonsByModule } from '../services/curriculum';
import { LessonConnection } from './lesson-connection';
import { courseOrganizations } from '../services/auth-subjects';

@ObjectType({ description: 'The result of adding a module to a course.' })
export class CourseModulePayload {
  @Field(() => CourseModule, { description: 'The module as saved.' })
  module: CourseModule;
}

@Resolver(() => CourseModule)
export class CourseModuleResolver {
  @Mutation(() => CourseModulePayload, { description: 'Adds a module to a course, last or at the position given.' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { courseId: string } }, ctx: HubContext) => courseOrganizations(ctx, args.input.courseId))
  async addCourseModule(
    @Arg('input', () => AddCourseModuleInput, { description: 'The module.' }) input: AddCourseModuleInput,
    @Ctx() ctx: HubContext,
  ): Promise<CourseModulePayload> {
    return { module: await addCourseModule(ctx.em, input) };
  }

  @FieldResolver(() => Course, { description: 'The course.' })
  async course(@Root() module: CourseModule, @Ctx() ctx: HubContext): Promise<Course> {
    const course = await ctx.loaders.load(courseById, module.course.id);
    if (!course) throw new Error(`module ${module.id} points at missing course ${module.course.id}`);
    return course;
  }

  @FieldResolver(() => LessonConnection, { description: 'Its lessons, in their order.' })
  lessons(@Root() module: CourseModule, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(lessonsByModule, { parentId: module.id, args });
  }
}
