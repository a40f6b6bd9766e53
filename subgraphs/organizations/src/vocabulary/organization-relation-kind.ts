import { registerEnumType } from 'type-graphql';

/** How one organization is tied to another. */
export enum OrganizationRelationKind {
  PARTNER = 'PARTNER',
  MEMBER_OF = 'MEMBER_OF',
  SUPERVISED_BY = 'SUPERVISED_BY',
  REPLICATED_MODEL_OF = 'REPLICATED_MODEL_OF',
  CO_ORGANIZER = 'CO_ORGANIZER',
}
registerEnumType(OrganizationRelationKind, {
  name: 'OrganizationRelationKind',
  description: 'How one organization (from) is tied to another (to).',
  valuesConfig: {
    PARTNER: { description: 'Works in partnership with the other organization; symmetric, e.g. an NGO operating a government-funded park.' },
    MEMBER_OF: { description: 'Is a member of the other organization (an association, network or alliance).' },
    SUPERVISED_BY: { description: 'Is supervised by the other organization: its supervising unit (业务主管单位) under dual registration.' },
    REPLICATED_MODEL_OF: { description: "Replicates the other organization's model, e.g. NPI Beijing, Chengdu and Shenzhen of NPI." },
    CO_ORGANIZER: { description: 'Co-organizes programmes or events with the other organization; symmetric.' },
  },
});

/** Kinds that mean the same read in both directions: A PARTNER B is B PARTNER A. */
export const SYMMETRIC_RELATION_KINDS: ReadonlySet<OrganizationRelationKind> = new Set([
  OrganizationRelationKind.PARTNER,
  OrganizationRelationKind.CO_ORGANIZER,
]);
