import { LockMode, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import {
  ConflictError,
  type ConnectionArgs,
  defineByIdLoader,
  definePageLoader,
  distinct,
  findOrNotFound,
  isUuid,
  NotFoundError,
  optionalText,
  paginateByParent,
  requiredText,
  UserInputError,
  query,
  tableOf,
} from '@ngo-hub/kit';
import { FundingProgramme } from '../entities/funding-programme';
import { FundingProgrammeLot } from '../entities/funding-programme-lot';
import type { AddFundingProgrammeLotInput, FundingProgrammeLotInput } from '../inputs/funding-programme.input';

/** Checks a lot input and builds the lot (not yet persisted); `field` prefixes error fields. */
export function lotOf(input: FundingProgrammeLotInput, position: number, field: string): FundingProgrammeLot {
  const lot = new FundingProgrammeLot();
  lot.position = position;
  lot.name = requiredText(input.name, `${field}name`, 300);
  lot.nameZh = optionalText(input.nameZh, `${field}nameZh`, 300);
  lot.causeAreas = distinct(input.causeAreas, `${field}causeAreas`);
  lot.description = optionalText(input.description, `${field}description`, 10000);
  return lot;
}

/** The lots of a new programme, numbered in the order given; names must differ. */
export function lotsOf(inputs: readonly FundingProgrammeLotInput[] | null | undefined): FundingProgrammeLot[] {
  const lots = (inputs ?? []).map((input, i) => lotOf(input, i + 1, `lots.${i}.`));
  const seen = new Map<string, number>();
  lots.forEach((lot, i) => {
    const key = lot.name.toLowerCase();
    if (seen.has(key))
      throw new UserInputError(
        `lots ${seen.get(key)} and ${i} are both named ${JSON.stringify(lot.name)}; lot names differ within a programme`,
        `lots.${i}.name`,
      );
    seen.set(key, i);
  });
  return lots;
}

/** Adds a lot after the programme's last one; the programme row is locked so positions stay unique. */
export async function addFundingProgrammeLot(em: EntityManager, input: AddFundingProgrammeLotInput): Promise<FundingProgrammeLot> {
  const draft = lotOf(input, 0, '');
  try {
    return await em.transactional(async (tx) => {
      const programme = isUuid(input.programmeId)
        ? await tx.findOne(FundingProgramme, { id: input.programmeId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
        : null;
      if (!programme) throw new NotFoundError('FundingProgramme', input.programmeId, 'programmeId');
      const [{ last }] = await query<{ last: number }>(
        tx,
        `select coalesce(max(position), 0)::int as last from ${tableOf(tx, FundingProgrammeLot)} where programme_id = ?`,
        [programme.id],
      );
      draft.position = last + 1;
      draft.programme = tx.getReference(FundingProgramme, programme.id, { wrapped: true });
      tx.persist(draft);
      await tx.flush();
      return draft;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new ConflictError(`the programme already has a lot named ${JSON.stringify(draft.name)}`, { field: 'name' });
    }
    throw error;
  }
}

/** The lot a grant names: it must exist and belong to the grant's programme. */
export async function lotOfProgramme(em: EntityManager, lotId: string, programmeId: string | undefined, field: string): Promise<FundingProgrammeLot> {
  const lot = await findOrNotFound(em, FundingProgrammeLot, lotId, field);
  if (!programmeId) throw new UserInputError(`${field} needs the grant's programme: a lot is part of a programme`, field);
  if (lot.programme.id !== programmeId) {
    throw new UserInputError(`lot ${lotId} (${lot.name}) belongs to programme ${lot.programme.id}, not to programme ${programmeId}`, field);
  }
  return lot;
}

export const lotById = defineByIdLoader('lotById', FundingProgrammeLot);

export const lotsOfProgramme = definePageLoader<FundingProgrammeLot, ConnectionArgs>('lotsOfProgramme', (ids, args, ctx) =>
  paginateByParent(ctx.em, FundingProgrammeLot, 'programme', ids, {}, args, { by: 'position' }),
);
