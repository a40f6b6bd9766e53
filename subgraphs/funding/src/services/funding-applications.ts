import { awardParties, publishGrantAwarded } from '../events/grant-awarded.event';
import { LockMode, ref, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import {
  assertTransition,
  defineByIdLoader,
  defineLoader,
  definePageLoader,
  distinct,
  findOrNotFound,
  formatAmount,
  isUuid,
  optionalText,
  paginateByParent,
  parseMoney,
  type References,
  requiredText,
  today,
  type TransitionTable,
  UserInputError,
} from '@ngo-hub/kit';
import { FundingApplication, FundingApplicationStatus } from '../entities/funding-application';
import { FundingProgramme } from '../entities/funding-programme';
import { Grant, GrantStatus } from '../entities/grant';
import type {
  AwardFundingApplicationInput,
  CloseFundingApplicationInput,
  FundingApplicationsArgs,
  SubmitFundingApplicationInput,
} from '../inputs/funding-application.input';
import { assertIdentifierFree, assertPlannedDates, identifierOf, insertGrant } from './award-grant';
import { lotOfProgramme } from './funding-programme-lots';

const { SUBMITTED, UNDER_REVIEW, AWARDED, DECLINED, WITHDRAWN } = FundingApplicationStatus;

/** Where an application may go from each status; the applicant may withdraw until the funder decides. */
export const APPLICATION_TRANSITIONS: TransitionTable<FundingApplicationStatus> = {
  [SUBMITTED]: [UNDER_REVIEW, WITHDRAWN],
  [UNDER_REVIEW]: [AWARDED, DECLINED, WITHDRAWN],
  [AWARDED]: [],
  [DECLINED]: [],
  [WITHDRAWN]: [],
};

export function assertApplicationTransition(application: FundingApplication, to: FundingApplicationStatus): void {
  assertTransition(APPLICATION_TRANSITIONS, {
    subject: `application ${application.id}`,
    from: application.status as FundingApplicationStatus,
    to,
    field: 'applicationId',
  });
}

async function programmeFor(em: EntityManager, id: string): Promise<FundingProgramme> {
  const programme = await findOrNotFound(em, FundingProgramme, id, 'programmeId');
  return programme;
}

/** Files an application (SUBMITTED). The applicant is checked with the organizations subgraph before anything is written. */
export async function submitFundingApplication(em: EntityManager, references: References, input: SubmitFundingApplicationInput): Promise<FundingApplication> {
  const title = requiredText(input.title, 'title', 500);
  const description = optionalText(input.description, 'description', 10000);
  const requested = parseMoney(input.requestedAmount, 'requestedAmount');
  const programme = await programmeFor(em, input.programmeId);
  if (input.applicantOrganizationId === programme.funderOrganizationId) {
    throw new UserInputError('an organization does not apply to a programme it runs itself', 'applicantOrganizationId');
  }
  if (programme.budgetAmount && programme.budgetCurrency) {
    if (requested.currency !== programme.budgetCurrency) {
      throw new UserInputError(
        `the programme's budget is in ${programme.budgetCurrency}; ask in ${programme.budgetCurrency} (got ${requested.currency})`,
        'requestedAmount.currency',
      );
    }
    // both in the budget's currency with its minor units: as whole numbers of the smallest unit they compare exactly
    const units = (amount: string) => BigInt(formatAmount(amount, requested.currency).replace('.', ''));
    if (units(requested.amount) > units(programme.budgetAmount)) {
      throw new UserInputError(
        `the programme's whole budget is ${programme.budgetAmount} ${programme.budgetCurrency}; ask for at most that (got ${requested.amount})`,
        'requestedAmount.amount',
      );
    }
  }
  await references.assertExist('Organization', [input.applicantOrganizationId], 'applicantOrganizationId');
  return em.transactional(async (tx) => {
    const application = tx.create(FundingApplication, {
      programme: tx.getReference(FundingProgramme, programme.id, { wrapped: true }),
      applicantOrganizationId: input.applicantOrganizationId,
      title,
      description,
      requestedAmount: requested.amount,
      requestedCurrency: requested.currency,
    });
    await tx.flush();
    return application;
  });
}

async function lockApplication(tx: EntityManager, id: string): Promise<FundingApplication> {
  const application = await findOrNotFound(tx, FundingApplication, id, 'applicationId', { lockMode: LockMode.PESSIMISTIC_WRITE });
  return application;
}

/** Moves an application along the transition table (review, decline, withdraw), with its row locked. */
export async function moveFundingApplication(
  em: EntityManager,
  input: CloseFundingApplicationInput,
  to: typeof UNDER_REVIEW | typeof DECLINED | typeof WITHDRAWN,
): Promise<FundingApplication> {
  const note = optionalText(input.note, 'note', 2000);
  return em.transactional(async (tx) => {
    const application = await lockApplication(tx, input.applicationId);
    assertApplicationTransition(application, to);
    application.status = to;
    if (to !== UNDER_REVIEW) {
      application.decidedAt = new Date();
      application.decisionNote = note;
    }
    await tx.flush();
    return application;
  });
}

/**
 * Awards an application under review: the grant (recipient the applicant, funder the
 * programme's) is created in the same transaction as the status change, and the two are linked.
 */
export async function awardFundingApplication(
  em: EntityManager,
  references: References,
  input: AwardFundingApplicationInput,
): Promise<{ application: FundingApplication; grant: Grant }> {
  const identifier = identifierOf(input.identifier);
  const amount = input.amountAwarded ? parseMoney(input.amountAwarded, 'amountAwarded') : undefined;
  const beneficiaryLocation = optionalText(input.beneficiaryLocation, 'beneficiaryLocation', 300);
  const causeAreas = input.causeAreas ? distinct(input.causeAreas, 'causeAreas') : undefined;
  await assertIdentifierFree(em, identifier);
  return em.transactional(async (tx) => {
    const application = await lockApplication(tx, input.applicationId);
    assertApplicationTransition(application, AWARDED);
    const programme = await tx.findOneOrFail(FundingProgramme, { id: application.programme.id });
    const lot = input.lotId ? await lotOfProgramme(tx, input.lotId, programme.id, 'lotId') : undefined;
    const grant = tx.create(
      Grant,
      {
        identifier,
        title: application.title,
        description: application.description,
        amount: amount?.amount ?? application.requestedAmount,
        currency: amount?.currency ?? application.requestedCurrency,
        awardDate: input.awardDate ?? today(),
        plannedStartDate: input.plannedStartDate ?? undefined,
        plannedEndDate: input.plannedEndDate ?? undefined,
        recipientOrganizationId: application.applicantOrganizationId,
        fundingOrganizationId: programme.funderOrganizationId,
        programme: ref(programme),
        lot: lot ? ref(lot) : undefined,
        beneficiaryLocation,
        causeAreas: causeAreas ?? programme.causeAreas,
        status: GrantStatus.AWARDED,
      },
      { persist: false },
    );
    assertPlannedDates(grant);
    application.status = AWARDED;
    application.decidedAt = new Date();
    application.grant = ref(grant);
    publishGrantAwarded(tx, grant, await awardParties(references, grant));
    await insertGrant(tx, grant);
    return { application, grant };
  });
}

export function applicationsWhere(args: FundingApplicationsArgs): FilterQuery<FundingApplication> {
  return args.status ? { status: args.status } : {};
}

const NEWEST_FIRST = { by: 'submittedAt', direction: 'desc' } as const;

export const applicationById = defineByIdLoader('applicationById', FundingApplication);

/** The application a grant was awarded from, for many grants in one query. */
export const applicationOfGrant = defineLoader<string, FundingApplication | null>('applicationOfGrant', async (ids, ctx) => {
  const valid = [...new Set(ids.filter(isUuid))];
  const rows = valid.length ? await ctx.em.find(FundingApplication, { grant: { $in: valid } }) : [];
  const byGrant = new Map(rows.map((row) => [row.grant!.id, row]));
  return ids.map((id) => byGrant.get(id) ?? null);
});

export const applicationsOfProgramme = definePageLoader<FundingApplication, FundingApplicationsArgs>('applicationsOfProgramme', (ids, args, ctx) =>
  paginateByParent(ctx.em, FundingApplication, 'programme', ids, applicationsWhere(args), args, NEWEST_FIRST),
);

export const applicationsOfOrganization = definePageLoader<FundingApplication, FundingApplicationsArgs>('applicationsOfOrganization', (ids, args, ctx) =>
  paginateByParent(ctx.em, FundingApplication, 'applicantOrganizationId', ids, applicationsWhere(args), args, NEWEST_FIRST),
);
