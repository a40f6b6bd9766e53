import { defineLoader, isUuid, money, pgArray, query, tableOf } from '@ngo-hub/kit';
import { COMMITTED_STATUSES, Grant } from '../entities/grant';
import { FundingYearSummary } from '../types/funding-year-summary';

interface SummaryRow {
  organization_id: string;
  year: number;
  currency: string;
  received: string;
  given: string;
  grants_received: number;
  grants_made: number;
}

/**
 * Per organization, year and currency: money and grants received and given, for every
 * organization of a request in one grouped query. Sums are Postgres `numeric`, never JS numbers.
 */
export const fundingSummaryOf = defineLoader<string, FundingYearSummary[]>('fundingSummaryOf', async (ids, ctx) => {
  const valid = [...new Set(ids.filter(isUuid))];
  const grant = tableOf(ctx.em, Grant);
  const rows = valid.length
    ? await query<SummaryRow>(
        ctx.em,
        `select organization_id, year, currency,
                sum(received)::text as received, sum(given)::text as given,
                count(*) filter (where side = 'received')::int as grants_received,
                count(*) filter (where side = 'given')::int as grants_made
         from (
           select recipient_organization_id as organization_id, extract(year from award_date)::int as year, currency,
                  amount as received, 0::numeric as given, 'received' as side
           from ${grant} where recipient_organization_id = any(?::uuid[]) and status = any(?::text[])
           union all
           select funding_organization_id, extract(year from award_date)::int, currency, 0::numeric, amount, 'given'
           from ${grant} where funding_organization_id = any(?::uuid[]) and status = any(?::text[])
         ) as sides
         group by organization_id, year, currency
         order by year, currency`,
        [pgArray(valid), pgArray(COMMITTED_STATUSES), pgArray(valid), pgArray(COMMITTED_STATUSES)],
      )
    : [];
  const byOrganization = new Map<string, FundingYearSummary[]>();
  for (const row of rows) {
    const list = byOrganization.get(row.organization_id) ?? [];
    list.push(
      Object.assign(new FundingYearSummary(), {
        year: row.year,
        currency: row.currency,
        received: money(row.received, row.currency),
        given: money(row.given, row.currency),
        grantsReceived: row.grants_received,
        grantsMade: row.grants_made,
      }),
    );
    byOrganization.set(row.organization_id, list);
  }
  return ids.map((id) => byOrganization.get(id) ?? []);
});
