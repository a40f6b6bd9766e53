import { Auth, AuthRule, type HubContext } from '@ngo-hub/kit';
import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { CourseModule } from '../entities/course-module';
import { Lesson } from '../entities/lesson';
import { AddLessonInput } from '../inputs/curriculum.input';
import { addLesson, moduleById } from '../services/curriculum';
import { moduleOrganizations } from '../services/auth-subjects';

@ObjectType({ description: 'The result of adding a lesson to a module.' })
export class LessonPayload {
  @Field(() => Lesson, { description: 'The lesson as saved.' })
  lesson: Lesson;
}

@Resolver(() => Lesson)
export class LessonResolver {
  @Mutation(() => LessonPayload, { description: 'Adds a lesson to a course module, last or at the position given.' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { moduleId: string } }, ctx: HubContext) => moduleOrganizations(ctx, args.input.moduleId))
  async addLesson(@Arg('input', () => AddLessonInput, { description: 'The lesson.' }) input: AddLessonInput, @Ctx() ctx: HubContext): Promise<LessonPayload> {
    return { lesson: await addLesson(ctx.em, input) };
  }

  @FieldResolver(() => CourseModule, { description: 'The module it belongs to.' })
  async module(@Root() lesson: Lesson, @Ctx() ctx: HubContext): Promise<CourseModule> {
    const module = await ctx.loaders.load(moduleById, lesson.module.id);
    if (!module) throw new Error(`lesson ${lesson.id} points at missing module ${lesson.module.id}`);
    return module;
  }
}
