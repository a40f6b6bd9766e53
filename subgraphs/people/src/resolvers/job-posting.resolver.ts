import { Auth, AuthRule, ConnectionArgs, type HubContext, ListOrder, ORDER_BY_DESCRIPTION } from '@ngo-hub/kit';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { JobPosting } from '../entities/job-posting';
import { OrganizationRef } from '../entities/organization-ref';
import { ApplicationListArgs } from '../inputs/job-application.input';
import { CloseJobPostingInput, JobPostingFilter, PostJobInput, PublishJobPostingInput, UpdateJobPostingInput } from '../inputs/job-posting.input';
import { applicationsOfPosting } from '../services/job-applications';
import { closeJobPosting, isOpenNow, listJobPostings, postJob, publishJobPosting, updateJobPosting } from '../services/job-postings';
import { postingById } from '../services/posting-by-id';
import { suggestedCandidatesOfPosting } from '../services/matching';
import { recommendationsOfPosting } from '../services/recommendations';
import { salaryOf } from '../services/salary-range';
import { JobApplicationConnection } from './job-application-connection';
import { JobPostingConnection } from './job-posting-connection';
import { RecommendationConnection } from './recommendation-connection';
import { SalaryRange } from '../types/salary-range';
import { CandidateSuggestionConnection } from '../types/suggestion';
import { postingOrganization } from '../services/auth-subjects';

@ObjectType({ description: 'The result of posting, changing, publishing or closing a job posting.' })
export class JobPostingPayload {
  @Field(() => JobPosting, { description: 'The posting as saved.' })
  jobPosting: JobPosting;
}

@Resolver(() => JobPosting)
export class JobPostingResolver {
  @Query(() => JobPosting, { nullable: true, description: 'One job posting by id; null when there is none.' })
  jobPosting(@Arg('id', () => ID, { description: "The posting's id." }) id: string, @Ctx() ctx: HubContext): Promise<JobPosting | null> {
    return ctx.loaders.load(postingById, id);
  }

  @Query(() => JobPostingConnection, { description: 'The talent market: job, internship and volunteer postings, filtered and paginated, newest first.' })
  jobPostings(
    @Arg('filter', () => JobPostingFilter, { nullable: true, description: 'Conditions the postings must meet; all of them.' })
    filter: JobPostingFilter | undefined,
    @Arg('orderBy', () => ListOrder, { nullable: true, description: ORDER_BY_DESCRIPTION }) orderBy: ListOrder | undefined,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: HubContext,
  ) {
    return listJobPostings(ctx.em, filter, page, orderBy);
  }

  @Mutation(() => JobPostingPayload, {
    description: 'Posts a position of an organization: OPEN at once, or a DRAFT. NOT_FOUND when the organization does not exist.',
  })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { organizationId: string } }) => ({ organizationIds: [args.input.organizationId] }))
  async postJob(
    @Arg('input', () => PostJobInput, { description: 'The position to post.' }) input: PostJobInput,
    @Ctx() ctx: HubContext,
  ): Promise<JobPostingPayload> {
    return { jobPosting: await postJob(ctx.em, ctx.references, input) };
  }

  @Mutation(() => JobPostingPayload, { description: 'Changes a DRAFT or OPEN posting; CONFLICT once it is CLOSED or FILLED.' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { id: string } }, ctx: HubContext) => postingOrganization(ctx, args.input.id, 'id'))
  async updateJobPosting(
    @Arg('input', () => UpdateJobPostingInput, { description: 'The posting and the fields to change.' }) input: UpdateJobPostingInput,
    @Ctx() ctx: HubContext,
  ): Promise<JobPostingPayload> {
    return { jobPosting: await updateJobPosting(ctx.em, input) };
  }

  @Mutation(() => JobPostingPayload, { description: 'Publishes a DRAFT posting (it becomes OPEN); CONFLICT for any other status.' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { id: string } }, ctx: HubContext) => postingOrganization(ctx, args.input.id, 'id'))
  async publishJobPosting(
    @Arg('input', () => PublishJobPostingInput, { description: 'The draft to publish.' }) input: PublishJobPostingInput,
    @Ctx() ctx: HubContext,
  ): Promise<JobPostingPayload> {
    return { jobPosting: await publishJobPosting(ctx.em, ctx.references, input) };
  }

  @Mutation(() => JobPostingPayload, {
    description: 'Stops a posting from taking applications: CLOSED, or FILLED when the position was filled. CONFLICT when it is already closed or filled.',
  })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (_source, args: { input: { id: string } }, ctx: HubContext) => postingOrganization(ctx, args.input.id, 'id'))
  async closeJobPosting(
    @Arg('input', () => CloseJobPostingInput, { description: 'The posting to close, and whether it was filled.' }) input: CloseJobPostingInput,
    @Ctx() ctx: HubContext,
  ): Promise<JobPostingPayload> {
    return { jobPosting: await closeJobPosting(ctx.em, input) };
  }

  @FieldResolver(() => OrganizationRef, { description: 'The organization offering the position.' })
  organization(@Root() posting: JobPosting): OrganizationRef {
    return { id: posting.organizationId };
  }

  @FieldResolver(() => SalaryRange, { nullable: true, description: 'Pay offered; null when not stated (negotiable, or unpaid).' })
  salary(@Root() posting: JobPosting): SalaryRange | null {
    return salaryOf(posting);
  }

  @FieldResolver(() => Boolean, { description: 'True when the posting takes applications today: OPEN, and today between `opensOn` and `closesOn`.' })
  openNow(@Root() posting: JobPosting): boolean {
    return isOpenNow(posting);
  }

  @FieldResolver(() => JobApplicationConnection, { description: 'Applications to this posting, in the order they were sent.' })
  @Auth(AuthRule.ORGANIZATION_EDITOR, (posting: JobPosting) => ({ organizationIds: [posting.organizationId] }))
  applications(@Root() posting: JobPosting, @Args(() => ApplicationListArgs) args: ApplicationListArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(applicationsOfPosting, { parentId: posting.id, args });
  }

  @FieldResolver(() => RecommendationConnection, { description: 'People recommended for this posting, newest first.' })
  recommendations(@Root() posting: JobPosting, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(recommendationsOfPosting, { parentId: posting.id, args });
  }

  @FieldResolver(() => CandidateSuggestionConnection, {
    description:
      'People open to work (profiles not PRIVATE) who share a skill or the city with this posting, best match first, each with why they matched. People with an application in play are left out.',
  })
  suggestedCandidates(@Root() posting: JobPosting, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(suggestedCandidatesOfPosting, { parentId: posting.id, args });
  }
}
