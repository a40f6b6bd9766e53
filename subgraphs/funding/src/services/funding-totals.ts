import { raw } from '@mikro-orm/postgresql';
import { defineLoader, isUuid, money, type Money } from '@ngo-hub/kit';
import { COMMITTED_STATUSES, Grant } from '../entities/grant';

type Side = 'recipientOrganizationId' | 'fundingOrganizationId';

/**
 * Sums of committed grants per organization and currency, for all organizations of a request in
 * one grouped query. Postgres adds the `numeric` amounts exactly; the sums come back as decimal
 * strings and are never added, converted or mixed across currencies in JS.
 */
function totalsBy(side: Side, name: string) {
  return defineLoader<string, Money[]>(name, async (ids, ctx) => {
    const valid = [...new Set(ids.filter(isUuid))];
    const column = ctx.em.getMetadata().find(Grant)!.properties[side].fieldNames[0];
    const rows = valid.length
      ? await ctx.em
          .createQueryBuilder(Grant, 'g')
          .select([raw(`g.${column} as organization_id`), 'g.currency', raw('sum(g.amount)::text as total')])
          .where({ [side]: { $in: valid }, status: { $in: [...COMMITTED_STATUSES] } })
          .groupBy([`g.${side}`, 'g.currency'])
          .orderBy({ currency: 'asc' })
          .execute<{ organization_id: string; currency: string; total: string }[]>('all', false)
      : [];
    const byOrganization = new Map<string, Money[]>();
    for (const row of rows) {
      const list = byOrganization.get(row.organization_id) ?? [];
      list.push(money(row.total, row.currency));
      byOrganization.set(row.organization_id, list);
    }
    return ids.map((id) => byOrganization.get(id) ?? []);
  });
}

export const totalReceivedBy = totalsBy('recipientOrganizationId', 'totalReceivedBy');
export const totalAwardedBy = totalsBy('fundingOrganizationId', 'totalAwardedBy');
