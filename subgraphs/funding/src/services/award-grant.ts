import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import {
  ConflictError,
  distinct,
  isUuid,
  newId,
  NotFoundError,
  optionalText,
  parseMoney,
  requiredText,
  UserInputError,
  type References,
} from '@ngo-hub/kit';
import { FundingProgramme } from '../entities/funding-programme';
import { Grant, GrantStatus } from '../entities/grant';
import type { AwardGrantInput } from '../inputs/grant.input';

const INITIAL_STATUSES = [GrantStatus.AWARDED, GrantStatus.PROPOSED];

/** 360Giving identifiers carry the `360G-` prefix of the publisher's registered prefix. */
function identifierOf(value: string | null | undefined): string {
  if (value === undefined || value === null || value.trim() === '') return `360G-ngohub-${newId()}`;
  const identifier = requiredText(value, 'identifier', 200);
  if (!/^360G-\S+$/.test(identifier)) {
    throw new UserInputError(`identifier must start with "360G-" and contain no spaces, e.g. 360G-chengdu-2012-001 (got ${JSON.stringify(identifier)})`, 'identifier');
  }
  return identifier;
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
  if (grant.plannedStartDate && grant.plannedEndDate && grant.plannedEndDate < grant.plannedStartDate) {
    throw new UserInputError(`plannedEndDate (${grant.plannedEndDate}) must not be before plannedStartDate (${grant.plannedStartDate})`, 'plannedEndDate');
  }
  grant.recipientOrganizationId = input.recipientOrganizationId;
  grant.fundingOrganizationId = input.fundingOrganizationId;
  grant.beneficiaryLocation = optionalText(input.beneficiaryLocation, 'beneficiaryLocation', 300);
  grant.causeAreas = distinct(input.causeAreas, 'causeAreas');
  const status = input.status ?? GrantStatus.AWARDED;
  if (!INITIAL_STATUSES.includes(status)) {
    throw new UserInputError(`a new grant is AWARDED or PROPOSED (got ${status})`, 'status');
  }
  grant.status = status;
  return grant;
}

async function programmeOf(em: EntityManager, id: string, funderId: string): Promise<FundingProgramme> {
  const programme = isUuid(id) ? await em.findOne(FundingProgramme, { id }) : null;
  if (!programme) throw new NotFoundError('FundingProgramme', id, 'programmeId');
  if (programme.funderOrganizationId !== funderId) {
    throw new UserInputError(
      `programme ${id} is run by organization ${programme.funderOrganizationId}; a grant of the programme must have it as fundingOrganizationId`,
      'fundingOrganizationId',
    );
  }
  return programme;
}

function identifierTaken(identifier: string): ConflictError {
  return new ConflictError(`a grant with identifier ${identifier} already exists`, { field: 'identifier' });
}

/**
 * Records a grant. Every check (input, programme, identifier, both organizations through the
 * organizations subgraph) runs before anything is written; the write is one transaction.
 */
export async function awardGrant(em: EntityManager, references: References, input: AwardGrantInput): Promise<Grant> {
  const grant = grantOf(input);
  const programme = input.programmeId ? await programmeOf(em, input.programmeId, grant.fundingOrganizationId) : undefined;
  if (await em.count(Grant, { identifier: grant.identifier })) throw identifierTaken(grant.identifier);
  await references.assertExistByField('Organization', {
    recipientOrganizationId: grant.recipientOrganizationId,
    fundingOrganizationId: grant.fundingOrganizationId,
  });
  try {
    return await em.transactional(async (tx) => {
      if (programme) grant.programme = tx.getReference(FundingProgramme, programme.id, { wrapped: true });
      tx.persist(grant);
      await tx.flush();
      return grant;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw identifierTaken(grant.identifier);
    throw error;
  }
}
