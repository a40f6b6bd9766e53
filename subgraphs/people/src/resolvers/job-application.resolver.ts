import { Auth, AuthRule, type HubContext } from '@ngo-hub/kit';
import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { ApplicationStatus, JobApplication } from '../entities/job-application';
import { JobPosting } from '../entities/job-posting';
import { Person } from '../entities/person';
import { ApplyForJobInput, ChangeApplicationStatusInput, WithdrawApplicationInput } from '../inputs/job-application.input';
import { nextStatuses } from '../services/application-transitions';
import { applyForJob, changeApplicationStatus, withdrawApplication } from '../services/job-applications';
import { postingById } from '../services/posting-by-id';
import { personById } from '../services/people';
import { applicationById } from '../services/auth-subjects';
import { applicationSubject } from '../services/row-subjects';

@ObjectType({ description: 'The result of applying for a job or of moving an application.' })
export class JobApplicationPayload {
  @Field(() => JobApplication, { description: 'The application as saved.' })
  application: JobApplication;
}

@Resolver(() => JobApplication)
export class JobApplicationResolver {
  @Mutation(() => JobApplicationPayload, {
    description:
      "Sends a person's application to a posting. CONFLICT when the posting takes no applications today, or the person already has an application to it that was not rejected or withdrawn.",
  })
  @Auth(AuthRule.SELF, (_source, args: { input: { personId: string } }) => ({ personId: args.input.personId }))
  async applyForJob(
    @Arg('input', () => ApplyForJobInput, { description: 'The posting and the applicant.' }) input: ApplyForJobInput,
    @Ctx() ctx: HubContext,
  ): Promise<JobApplicationPayload> {
    return { application: await applyForJob(ctx.em, input) };
  }

  @Mutation(() => JobApplicationPayload, {
    description:
      'The organization moves an application one step: SHORTLISTED, OFFERED, HIRED, or REJECTED. CONFLICT when the step does not follow from its status.',
  })
  @Auth(AuthRule.ORGANIZATION_EDITOR, async (_source, args: { input: { id: string } }, ctx: HubContext) => ({
    organizationIds: (await applicationById(ctx, args.input.id, 'id')).organizationIds,
  }))
  async changeApplicationStatus(
    @Arg('input', () => ChangeApplicationStatusInput, { description: 'The application and its next status.' }) input: ChangeApplicationStatusInput,
    @Ctx() ctx: HubContext,
  ): Promise<JobApplicationPayload> {
    return { application: await changeApplicationStatus(ctx.em, input) };
  }

  @Mutation(() => JobApplicationPayload, { description: 'The applicant withdraws an application; CONFLICT once it is HIRED, REJECTED or WITHDRAWN.' })
  @Auth(AuthRule.SELF, async (_source, args: { input: { id: string } }, ctx: HubContext) => ({
    personId: (await applicationById(ctx, args.input.id, 'id')).personId,
  }))
  async withdrawApplication(
    @Arg('input', () => WithdrawApplicationInput, { description: 'The application to withdraw.' }) input: WithdrawApplicationInput,
    @Ctx() ctx: HubContext,
  ): Promise<JobApplicationPayload> {
    return { application: await withdrawApplication(ctx.em, input) };
  }

  @FieldResolver(() => Person, { description: 'The applicant.' })
  @Auth(AuthRule.SELF_OR_ORGANIZATION_EDITOR, (application: JobApplication, _args: unknown, ctx: HubContext) => applicationSubject(application, ctx))
  async person(@Root() application: JobApplication, @Ctx() ctx: HubContext): Promise<Person> {
    return (await ctx.loaders.load(personById, application.person.id))!;
  }

  @FieldResolver(() => JobPosting, { description: 'The posting applied to.' })
  async posting(@Root() application: JobApplication, @Ctx() ctx: HubContext): Promise<JobPosting> {
    return (await ctx.loaders.load(postingById, application.posting.id))!;
  }

  @FieldResolver(() => [ApplicationStatus], { description: 'The statuses the application may move to next (empty once final).' })
  nextStatuses(@Root() application: JobApplication): ApplicationStatus[] {
    return nextStatuses(application.status);
  }
}
