import { newId } from '@ngo-hub/kit';
import { Grant, GrantStatus } from '../../src/entities/grant';
import type { FundingHub } from './hub';

export interface GrantRow {
  recipient?: string;
  funder?: string;
  amount?: string;
  currency?: string;
  awardDate?: string;
  status?: GrantStatus;
  programme?: string;
  causeAreas?: Grant['causeAreas'];
}

/**
 * Writes grants through the funding subgraph's own EntityManager, without reference checks (the
 * organizations may be made up): fixtures for rules that are not about creating grants.
 */
export async function insertGrants(hub: FundingHub, rows: GrantRow[]): Promise<Grant[]> {
  const em = hub.funding.running.orm.em.fork();
  const grants = rows.map((row) =>
    em.create(Grant, {
      identifier: `360G-test-${newId()}`,
      title: 'Test grant',
      amount: row.amount ?? '1000.00',
      currency: row.currency ?? 'CNY',
      awardDate: row.awardDate ?? '2014-01-01',
      recipientOrganizationId: row.recipient ?? newId(),
      fundingOrganizationId: row.funder ?? newId(),
      status: row.status ?? GrantStatus.AWARDED,
      programme: row.programme,
      causeAreas: row.causeAreas ?? [],
    }),
  );
  await em.flush();
  return grants;
}

export async function insertGrant(hub: FundingHub, row: GrantRow = {}): Promise<Grant> {
  return (await insertGrants(hub, [row]))[0];
}
