import { CauseArea, HubEvent, ORGANIZATION_CHANGED, OrganizationKind, publishEvent, type TopicPayload } from '@ngo-hub/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Organization } from '../entities/organization';

export enum OrganizationChange {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  REGISTRATION_CHANGED = 'REGISTRATION_CHANGED',
}

registerEnumType(OrganizationChange, {
  name: 'OrganizationChange',
  description: 'What happened to an organization.',
  valuesConfig: {
    CREATED: { description: 'The organization joined the hub.' },
    UPDATED: { description: 'Its profile changed.' },
    REGISTRATION_CHANGED: { description: 'Its registration status changed (see `registrationHistory`).' },
  },
});

@ObjectType({ description: 'An organization was created or changed.' })
export class OrganizationChangedEvent extends HubEvent {
  @Field(() => OrganizationChange)
  change!: OrganizationChange;

  @Field(() => Organization, { nullable: true, description: 'The organization as it is now; null if you may no longer read it.' })
  organization?: Organization;
}

@InputType({ description: 'Which organization changes to receive; every field given must match.' })
export class OrganizationChangedFilter {
  @Field({ nullable: true, description: 'City in English, ignoring case, e.g. Chengdu.' })
  city?: string;

  @Field(() => OrganizationKind, { nullable: true })
  kind?: OrganizationKind;

  @Field(() => CauseArea, { nullable: true, description: 'Organizations working on this cause.' })
  cause?: CauseArea;
}

const SUMMARY: Record<OrganizationChange, (name: string, city: string) => string> = {
  CREATED: (name, city) => `${name} joined the hub${city}`,
  UPDATED: (name, city) => `${name}${city} updated its profile`,
  REGISTRATION_CHANGED: (name, city) => `${name}${city} changed its registration`,
};

export type OrganizationMatch = TopicPayload<typeof ORGANIZATION_CHANGED>['match'];

/** What subscription filters compare an organization by (`OrganizationChangedFilter`, `SectorActivityFilter`). */
export function organizationMatch(organization: Organization): OrganizationMatch {
  return { city: organization.city ?? null, kind: organization.kind, cause: [...(organization.causeAreas ?? [])], organization: organization.id };
}

/**
 * Records the change in the outbox, in the transaction that makes it. `before` is
 * `organizationMatch` of the organization before an update: subscribers whose filter it
 * leaves receive the change once, as leaving.
 */
export function publishOrganizationChanged(em: EntityManager, organization: Organization, change: OrganizationChange, before?: OrganizationMatch): void {
  const city = organization.city ? ` (${organization.city})` : '';
  publishEvent(em, ORGANIZATION_CHANGED, {
    summary: SUMMARY[change](organization.name, city),
    city: organization.city ?? null,
    causes: organization.causeAreas ?? [],
    refs: { organization: { id: organization.id } },
    fields: { change },
    match: organizationMatch(organization),
    ...(before ? { previousMatch: before } : {}),
  });
}
