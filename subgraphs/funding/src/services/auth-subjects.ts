import { type AuthSubject, findOrNotFound, type HubContext } from '@ngo-hub/kit';
import { FundingApplication } from '../entities/funding-application';
import { FundingProgramme } from '../entities/funding-programme';
import { Grant } from '../entities/grant';

/**
 * What funding's `@Auth` rules look at: a grant and a programme are written by their funder's
 * editors; an application by its applicant's, and decided by the programme's funder.
 */
export async function grantFunder(ctx: HubContext, grantId: string, field = 'grantId'): Promise<AuthSubject> {
  const grant = await findOrNotFound(ctx.em, Grant, grantId, field);
  return { organizationIds: [grant.fundingOrganizationId] };
}

export async function programmeFunder(ctx: HubContext, programmeId: string, field = 'programmeId'): Promise<AuthSubject> {
  const programme = await findOrNotFound(ctx.em, FundingProgramme, programmeId, field);
  return { organizationIds: [programme.funderOrganizationId] };
}

async function applicationOf(ctx: HubContext, applicationId: string): Promise<FundingApplication> {
  const application = await findOrNotFound(ctx.em, FundingApplication, applicationId, 'applicationId', { populate: ['programme'] });
  return application;
}

export async function applicationFunder(ctx: HubContext, applicationId: string): Promise<AuthSubject> {
  return { organizationIds: [(await applicationOf(ctx, applicationId)).programme.getEntity().funderOrganizationId] };
}

export async function applicationApplicant(ctx: HubContext, applicationId: string): Promise<AuthSubject> {
  return { organizationIds: [(await applicationOf(ctx, applicationId)).applicantOrganizationId] };
}
