import { Auth, AuthRule, DateTimeScalar, type HubContext } from '@ngo-hub/kit';
import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { Certificate } from '../entities/certificate';
import { Enrollment } from '../entities/enrollment';
import { Lesson } from '../entities/lesson';
import { CompleteLessonInput } from '../inputs/curriculum.input';
import { completeLesson } from '../services/progress';
import { enrollmentSubjectById } from '../services/auth-subjects';

@ObjectType({ description: 'The result of recording a completed lesson.' })
export class CompleteLessonPayload {
  @Field(() => Enrollment, { description: 'The enrollment, with its progress; COMPLETED when this was the last lesson.' })
  enrollment: Enrollment;

  @Field(() => Lesson, { description: 'The lesson.' })
  lesson: Lesson;

  @Field(() => DateTimeScalar, { description: 'When the lesson was (first) recorded as completed.' })
  completedAt: Date;

  @Field(() => Certificate, { nullable: true, description: 'The certificate, when this lesson completed the course.' })
  certificate: Certificate | null;
}

@Resolver()
export class LessonCompletionResolver {
  @Mutation(() => CompleteLessonPayload, {
    description:
      'Records that an ENROLLED person completed a lesson of their course (again: no change). The last lesson completes the course and issues the certificate.',
  })
  @Auth(AuthRule.SELF_OR_ORGANIZATION_EDITOR, (_source, args: { input: { enrollmentId: string } }, ctx: HubContext) =>
    enrollmentSubjectById(ctx, args.input.enrollmentId, 'enrollmentId'),
  )
  async completeLesson(
    @Arg('input', () => CompleteLessonInput, { description: 'The enrollment and the lesson.' }) input: CompleteLessonInput,
    @Ctx() ctx: HubContext,
  ): Promise<CompleteLessonPayload> {
    const { enrollment, lesson, completion, certificate } = await completeLesson(ctx.em, ctx.references, input.enrollmentId, input.lessonId);
    return { enrollment, lesson, completedAt: completion.completedAt, certificate };
  }
}
