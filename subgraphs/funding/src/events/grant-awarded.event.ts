import type { EntityManager } from '@mikro-orm/postgresql';
import { formatAmount, HubEvent, MoneyInput, GRANT_AWARDED, publishEvent, type References } from '@ngo-hub/kit';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Grant } from '../entities/grant';

@ObjectType({ description: 'A grant was awarded (recorded as awarded, an application awarded, or a proposed grant confirmed).' })
export class GrantAwardedEvent extends HubEvent {
  @Field(() => Grant, { nullable: true, description: 'The grant as it is now; null if you may no longer read it.' })
  grant?: Grant;
}

@InputType({ description: 'Which awards to hear about; every field given must match.' })
export class GrantAwardedFilter {
  @Field(() => ID, { nullable: true, description: 'The funding organization.' })
  funder?: string;

  @Field(() => ID, { nullable: true, description: 'The recipient organization.' })
  recipient?: string;

  @Field({ nullable: true, description: 'City of the recipient, in English, ignoring case.' })
  city?: string;

  @Field(() => MoneyInput, { nullable: true, description: 'Awards of at least this amount, in this currency (awards in other currencies do not match).' })
  minAmount?: MoneyInput;
}

export interface AwardParty {
  id: string;
  name: string;
  city?: string | null;
  causeAreas: string[];
}

/** Reads funder and recipient (name, city, causes) from their owner, for the event and its filters. */
export async function awardParties(
  references: References,
  grant: Pick<Grant, 'fundingOrganizationId' | 'recipientOrganizationId'>,
): Promise<Map<string, AwardParty>> {
  return references.fetch<AwardParty>('Organization', [grant.fundingOrganizationId, grant.recipientOrganizationId], 'name city causeAreas');
}

/** Records the award in the outbox, in the transaction that makes it. */
export function publishGrantAwarded(em: EntityManager, grant: Grant, parties: Map<string, AwardParty>): void {
  const funder = parties.get(grant.fundingOrganizationId);
  const recipient = parties.get(grant.recipientOrganizationId);
  const causes = grant.causeAreas?.length ? grant.causeAreas : (recipient?.causeAreas ?? []);
  publishEvent(em, GRANT_AWARDED, {
    summary: `${funder?.name ?? 'A funder'} awarded ${formatAmount(grant.amount, grant.currency)} ${grant.currency} to ${recipient?.name ?? 'an organization'}`,
    city: recipient?.city ?? null,
    causes,
    refs: { grant: { id: grant.id }, organization: { id: grant.recipientOrganizationId } },
    match: {
      funder: grant.fundingOrganizationId,
      recipient: grant.recipientOrganizationId,
      city: recipient?.city ?? null,
      amount: { amount: grant.amount, currency: grant.currency },
      cause: causes,
      organization: [grant.recipientOrganizationId, grant.fundingOrganizationId],
    },
  });
}
