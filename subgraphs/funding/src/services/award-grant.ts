import { awardParties, publishGrantAwarded } from '../events/grant-awarded.event';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, distinct, findOrNotFound, newId, optionalText, parseMoney, type References, requiredText, UserInputError } from '@ngo-hub/kit';
import { FundingProgramme } from '../entities/funding-programme';
import { FundingProgrammeLot } from '../entities/funding-programme-lot';
import { Grant, GrantStatus } from '../entities/grant';
import type { AwardGrantInput } from '../inputs/grant.input';
import { lotOfProgramme } from './funding-programme-lots';

const INITIAL_STATUSES = [GrantStatus.AWARDED, GrantStatus.PROPOSED];

/** 360Giving identifiers carry the `360G-` prefix of the publisher's registered prefix. */
export function identifierOf(value: string | null | undefined, field = 'identifier'): string {
  if (value === undefined || value === null || value.trim() === '') return `360G-ngohub-${newId()}`;
  const identifier = requiredText(value, field, 200);
  if (!/^360G-\S+$/.test(identifier)) {
    throw new UserInputError(`${field} must start with "360G-" and contain no spaces, e.g. 360G-chengdu-2012-001 (got ${JSON.stringify(identifier)})`, field);
  }
  return identifier;
}

/** Planned dates of a grant: the end is never before the start. */
export function assertPlannedDates(grant: Grant): void {
  if (grant.plannedStartDate && grant.plannedEndDate && grant.plannedEndDate < grant.plannedStartDate) {
    throw new UserInputError(`plannedEndDate (${grant.plannedEndDate}) must not be before plannedStartDate (${grant.plannedStartDate})`, 'plannedEndDate');
  }
}

/** Checks everything the input alone can tell and builds the grant (not yet persisted). */
function grantOf(input: AwardGrantInput): Grant {
  const grant = new Grant();
  grant.identifier = identifierOf(input.identifier);
  grant.title = requiredText(input.title, 'title', 500);
  grant.description = optionalText(input.description, 'description', 10000);
  const amount = parseMoney(input.amountAwarded, 'amountAwarded');
  grant.amount = amount.amount;
  grant.currency = amount.currency;
  grant.awardDate = input.awardDate;
  grant.plannedStartDate = input.plannedStartDate ?? undefined;
  grant.plannedEndDate = input.plannedEndDate ?? undefined;
  assertPlannedDates(grant);
  grant.recipientOrganizationId = input.recipientOrganizationId;
  grant.fundingOrganizationId = input.fundingOrganizationId;
  grant.beneficiaryLocation = optionalText(input.beneficiaryLocation, 'beneficiaryLocation', 300);
  grant.causeAreas = distinct(input.causeAreas, 'causeAreas');
  const status = input.status ?? GrantStatus.AWARDED;
  if (!INITIAL_STATUSES.includes(status)) {
    throw new UserInputError(`a new grant is AWARDED or PROPOSED (got ${status})`, 'status');
  }
  grant.status = status;
  if (input.lotId && !input.programmeId) throw new UserInputError('lotId needs programmeId: a lot is part of a programme', 'lotId');
  return grant;
}

async function programmeOf(em: EntityManager, id: string, funderId: string): Promise<FundingProgramme> {
  const programme = await findOrNotFound(em, FundingProgramme, id, 'programmeId');
  if (programme.funderOrganizationId !== funderId) {
    throw new UserInputError(
      `programme ${id} is run by organization ${programme.funderOrganizationId}; a grant of the programme must have it as fundingOrganizationId`,
      'fundingOrganizationId',
    );
  }
  return programme;
}

function identifierTaken(identifier: string, field: string): ConflictError {
  return new ConflictError(`a grant with identifier ${identifier} already exists`, { field });
}

/** Refuses an identifier another grant has; the unique index still decides between racing writers. */
export async function assertIdentifierFree(em: EntityManager, identifier: string, field = 'identifier'): Promise<void> {
  if (await em.count(Grant, { identifier })) throw identifierTaken(identifier, field);
}

/** Persists a new grant inside the caller's transaction, turning a lost identifier race into CONFLICT. */
export async function insertGrant(tx: EntityManager, grant: Grant, field = 'identifier'): Promise<Grant> {
  try {
    tx.persist(grant);
    await tx.flush();
    return grant;
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw identifierTaken(grant.identifier, field);
    throw error;
  }
}

/**
 * Records a grant. Every check (input, programme, lot, identifier, both organizations through
 * the organizations subgraph) runs before anything is written; the write is one transaction.
 */
export async function awardGrant(em: EntityManager, references: References, input: AwardGrantInput): Promise<Grant> {
  const grant = grantOf(input);
  const programme = input.programmeId ? await programmeOf(em, input.programmeId, grant.fundingOrganizationId) : undefined;
  const lot = input.lotId ? await lotOfProgramme(em, input.lotId, programme?.id, 'lotId') : undefined;
  await assertIdentifierFree(em, grant.identifier);
  const parties = await awardParties(references, grant);
  if (parties.size < new Set([grant.recipientOrganizationId, grant.fundingOrganizationId]).size) {
    await references.assertExistByField('Organization', {
      recipientOrganizationId: grant.recipientOrganizationId,
      fundingOrganizationId: grant.fundingOrganizationId,
    });
  }
  return em.transactional(async (tx) => {
    if (programme) grant.programme = tx.getReference(FundingProgramme, programme.id, { wrapped: true });
    if (lot) grant.lot = tx.getReference(FundingProgrammeLot, lot.id, { wrapped: true });
    if (grant.status === GrantStatus.AWARDED) publishGrantAwarded(tx, grant, parties);
    return insertGrant(tx, grant);
  });
}
