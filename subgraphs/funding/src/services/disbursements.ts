import { type EntityManager, ref } from '@mikro-orm/postgresql';
import {
  ConflictError,
  defineLoader,
  definePageLoader,
  formatAmount,
  isUuid,
  money,
  NotFoundError,
  optionalText,
  paginateByParent,
  parseMoney,
  pastDate,
  UserInputError,
  type ConnectionArgs,
  type Money,
  pgArray,
  query,
  tableOf,
} from '@ngo-hub/kit';
import { Disbursement } from '../entities/disbursement';
import { Grant, GrantStatus } from '../entities/grant';
import type { RecordDisbursementInput } from '../inputs/disbursement.input';
import { lockGrant } from './grant-status';

/** Statuses in which money is paid out. A COMPLETED grant is closed; PROPOSED and CANCELLED ones owe nothing. */
export const DISBURSABLE_STATUSES: readonly GrantStatus[] = [GrantStatus.AWARDED, GrantStatus.ACTIVE];

export interface DisbursementResult {
  disbursement: Disbursement;
  grant: Grant;
}

/**
 * Records a payment against a grant. The grant row is locked first, so concurrent disbursements
 * of one grant are checked one after another against what is already paid: their total never
 * exceeds the amount awarded. The first payment of an AWARDED grant makes it ACTIVE (money
 * flowing means the work is under way). Anything refused writes nothing.
 */
export async function recordDisbursement(em: EntityManager, input: RecordDisbursementInput): Promise<DisbursementResult> {
  const amount = parseMoney(input.amount, 'amount');
  const date = pastDate(input.date, 'date')!;
  const note = optionalText(input.note, 'note', 1000);
  if (!isUuid(input.grantId)) throw new NotFoundError('Grant', input.grantId, 'grantId');
  return em.transactional(async (tx) => {
    const grant = await lockGrant(tx, input.grantId, 'grantId');
    if (!DISBURSABLE_STATUSES.includes(grant.status)) {
      throw new ConflictError(`grant ${grant.identifier} is ${grant.status}; only AWARDED or ACTIVE grants accept disbursements`, {
        field: 'grantId',
        status: grant.status,
      });
    }
    if (amount.currency !== grant.currency) {
      throw new UserInputError(
        `grant ${grant.identifier} is in ${grant.currency}; disburse it in ${grant.currency} (got ${amount.currency})`,
        'amount.currency',
      );
    }
    if (date < grant.awardDate) {
      throw new UserInputError(`date (${date}) must not be before the grant's award date (${grant.awardDate})`, 'date');
    }
    const [check] = await query<{ remaining: string; fits: boolean }>(
      tx,
      `select (g.amount - coalesce(sum(d.amount), 0))::text as remaining, coalesce(sum(d.amount), 0) + ?::numeric <= g.amount as fits
       from ${tableOf(tx, Grant)} g left join ${tableOf(tx, Disbursement)} d on d.grant_id = g.id
       where g.id = ? group by g.id, g.amount`,
      [amount.amount, grant.id],
    );
    if (!check.fits) {
      const remaining = formatAmount(check.remaining, grant.currency);
      throw new ConflictError(
        `disbursing ${amount.amount} ${amount.currency} would overdraw grant ${grant.identifier}: ` +
          `${remaining} ${grant.currency} of the ${formatAmount(grant.amount, grant.currency)} awarded remain to be disbursed`,
        { field: 'amount.amount', remaining: { amount: remaining, currency: grant.currency } },
      );
    }
    const disbursement = tx.create(Disbursement, { grant: ref(grant), amount: amount.amount, currency: amount.currency, date, note });
    if (grant.status === GrantStatus.AWARDED) grant.status = GrantStatus.ACTIVE;
    await tx.flush();
    return { disbursement, grant };
  });
}

export interface DisbursedAmounts {
  disbursed: Money;
  remaining: Money;
}

/** Paid and still to pay of many grants in one grouped query; Postgres does the arithmetic on `numeric`. */
export const disbursedAmountsOf = defineLoader<string, DisbursedAmounts | null>('disbursedAmountsOf', async (ids, ctx) => {
  const valid = [...new Set(ids.filter(isUuid))];
  const rows = valid.length
    ? await query<{ id: string; currency: string; disbursed: string; remaining: string }>(
        ctx.em,
        `select g.id, g.currency, coalesce(sum(d.amount), 0)::text as disbursed, (g.amount - coalesce(sum(d.amount), 0))::text as remaining
         from ${tableOf(ctx.em, Grant)} g left join ${tableOf(ctx.em, Disbursement)} d on d.grant_id = g.id
         where g.id = any(?::uuid[]) group by g.id`,
        [pgArray(valid)],
      )
    : [];
  const byId = new Map(rows.map((row) => [row.id, { disbursed: money(row.disbursed, row.currency), remaining: money(row.remaining, row.currency) }]));
  return ids.map((id) => byId.get(id) ?? null);
});

export const disbursementsOfGrant = definePageLoader<Disbursement, ConnectionArgs>('disbursementsOfGrant', (ids, args, ctx) =>
  paginateByParent(ctx.em, Disbursement, 'grant', ids, {}, args, { by: 'date' }),
);
