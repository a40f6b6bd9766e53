import type { EntityManager } from '@mikro-orm/postgresql';
import { defineLoader, isUuid, money, pgArray, query, tableOf, type Money } from '@ngo-hub/kit';
import { COMMITTED_STATUSES, Grant } from '../entities/grant';

type Side = 'recipientOrganizationId' | 'fundingOrganizationId';

/** Sums per organization and currency of committed grants: `?` the organization ids, then the statuses. */
function totalsStatement(em: EntityManager, side: Side): string {
  const column = em.getMetadata().find(Grant)!.properties[side].fieldNames[0];
  return (
    `select g.${column} as organization_id, g.currency, sum(g.amount)::text as total from ${tableOf(em, Grant)} g ` +
    `where g.${column} = any(?::uuid[]) and g.status in (${COMMITTED_STATUSES.map(() => '?').join(', ')}) ` +
    `group by g.${column}, g.currency order by g.currency asc`
  );
}

/**
 * Sums of committed grants per organization and currency, for all organizations of a request in
 * one grouped query. Postgres adds the `numeric` amounts exactly; the sums come back as decimal
 * strings and are never added, converted or mixed across currencies in JS.
 */
function totalsBy(side: Side, name: string) {
  let statement: string | undefined;
  return defineLoader<string, Money[]>(name, async (ids, ctx) => {
    const valid = [...new Set(ids.filter(isUuid))];
    // one text for any number of organizations, built once (the QueryBuilder rebuilt it per batch) and prepared
    statement ??= totalsStatement(ctx.em, side);
    const rows = valid.length
      ? await query<{ organization_id: string; currency: string; total: string }>(ctx.em, statement, [pgArray(valid), ...COMMITTED_STATUSES], { prepare: true })
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
