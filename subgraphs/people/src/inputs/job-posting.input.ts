import { ConnectionArgs, DateTimeScalar, ILLUSTRATIVE_FILTER_DESCRIPTION, MoneyInput, UPDATED_SINCE_DESCRIPTION } from '@ngo-hub/kit';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { JobKind, JobPostingStatus, PayPeriod } from '../entities/job-posting';
import { SocialWorkQualification } from '../entities/qualification';

@InputType({ description: 'A salary range: `min`, `max` or both, in one currency, per period.' })
export class SalaryRangeInput {
  @Field(() => MoneyInput, { nullable: true, description: 'Lowest pay offered; greater than zero.' })
  min?: MoneyInput | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Highest pay offered; not below `min`, in the same currency.' })
  max?: MoneyInput | null;

  @Field(() => PayPeriod, { defaultValue: PayPeriod.MONTH, description: 'The period the amounts are paid for (default MONTH).' })
  period: PayPeriod;
}

@InputType({ description: 'A new job posting of an organization (which must exist in the organizations subgraph).' })
export class PostJobInput {
  @Field(() => ID, { description: 'The organization that offers the position.' })
  organizationId: string;

  @Field({ description: 'Title in English.' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Title in Chinese.' })
  titleZh?: string | null;

  @Field(() => JobKind, { description: 'Full-time, part-time, internship or volunteer.' })
  kind: JobKind;

  @Field(() => String, { nullable: true, description: 'City of the workplace in English; required unless `remote` is true.' })
  city?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'The work can be done remotely.' })
  remote: boolean;

  @Field(() => String, { nullable: true, description: 'What the work is.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'What the organization asks of candidates.' })
  requirements?: string | null;

  @Field(() => [String], { nullable: true, description: 'Skills asked for; trimmed, each kept once whatever its case.' })
  skills?: string[] | null;

  @Field(() => SocialWorkQualification, { nullable: true, description: 'Lowest social-work qualification level a candidate must hold.' })
  minimumQualification?: SocialWorkQualification | null;

  @Field(() => SalaryRangeInput, { nullable: true, description: 'Pay offered; leave out when it is negotiable or there is none.' })
  salary?: SalaryRangeInput | null;

  @Field(() => Date, { nullable: true, description: 'First day applications are taken; default: on publication.' })
  opensOn?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Last day applications are taken: not before `opensOn`, and not in the past unless the posting is a draft.',
  })
  closesOn?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'true: keep the posting as a DRAFT (publish it with `publishJobPosting`); false: OPEN at once.' })
  draft: boolean;
}

@InputType({ description: 'Changes to a DRAFT or OPEN posting: only the fields given change; null clears an optional field.' })
export class UpdateJobPostingInput {
  @Field(() => ID, { description: 'The posting to change.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Title in English; must not be empty.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Title in Chinese.' })
  titleZh?: string | null;

  @Field(() => JobKind, { nullable: true, description: 'Full-time, part-time, internship or volunteer.' })
  kind?: JobKind | null;

  @Field(() => String, { nullable: true, description: 'City of the workplace; the posting needs a city unless it is remote.' })
  city?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'The work can be done remotely.' })
  remote?: boolean | null;

  @Field(() => String, { nullable: true, description: 'What the work is.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'What the organization asks of candidates.' })
  requirements?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the skills as a whole.' })
  skills?: string[] | null;

  @Field(() => SocialWorkQualification, { nullable: true, description: 'Lowest social-work qualification level a candidate must hold.' })
  minimumQualification?: SocialWorkQualification | null;

  @Field(() => SalaryRangeInput, { nullable: true, description: 'Replaces the salary range; null removes it.' })
  salary?: SalaryRangeInput | null;

  @Field(() => Date, { nullable: true, description: 'First day applications are taken.' })
  opensOn?: string | null;

  @Field(() => Date, { nullable: true, description: 'Last day applications are taken; not in the past for an OPEN posting.' })
  closesOn?: string | null;
}

@InputType({ description: 'Publishes a DRAFT posting: it becomes OPEN.' })
export class PublishJobPostingInput {
  @Field(() => ID, { description: 'The DRAFT posting to publish.' })
  id: string;
}

@InputType({ description: 'Stops a posting from taking applications.' })
export class CloseJobPostingInput {
  @Field(() => ID, { description: 'The posting to close.' })
  id: string;

  @Field(() => Boolean, { defaultValue: false, description: 'true: the position was filled (FILLED; only an OPEN posting); false: CLOSED.' })
  filled: boolean;
}

@InputType({ description: 'Narrows a list of job postings; all given conditions must hold.' })
export class JobPostingFilter {
  @Field(() => String, { nullable: true, description: 'Finds the text in the English or Chinese title (case-insensitive).' })
  search?: string;

  @Field(() => String, { nullable: true, description: 'City of the workplace in English (case-insensitive), e.g. Chengdu.' })
  city?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: only postings that can be done remotely; false: only postings that cannot.' })
  remote?: boolean;

  @Field(() => [JobKind], { nullable: true, description: 'Of any of these kinds.' })
  kinds?: JobKind[];

  @Field(() => String, { nullable: true, description: 'Asks for this skill (the whole skill, ignoring case), e.g. "case management".' })
  skill?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only postings taking applications today (OPEN, and today between `opensOn` and `closesOn`); false: only postings that are not.',
  })
  openNow?: boolean;

  @Field(() => [JobPostingStatus], { nullable: true, description: 'In any of these statuses; default: every status but DRAFT.' })
  statuses?: JobPostingStatus[];

  @Field(() => ID, { nullable: true, description: 'Posted by this organization.' })
  organizationId?: string;

  @Field(() => Boolean, { nullable: true, description: ILLUSTRATIVE_FILTER_DESCRIPTION })
  illustrative?: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_SINCE_DESCRIPTION })
  updatedSince?: Date | null;
}

@ArgsType()
export class OpenPositionsArgs extends ConnectionArgs {
  @Field(() => [JobKind], { nullable: true, description: 'Only positions of any of these kinds.' })
  kinds?: JobKind[];
}
