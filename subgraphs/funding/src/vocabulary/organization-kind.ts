import { registerEnumType } from 'type-graphql';

/**
 * The organizations subgraph's `OrganizationKind`, for filtering funding flows by the funder's
 * kind. Composition requires an enum used for input and output to be the same in every subgraph
 * that declares it, so values and descriptions are the owner's word for word; it belongs in the
 * kit's vocabulary next to CauseArea.
 */
export enum OrganizationKind {
  NGO = 'NGO',
  SOCIAL_ENTERPRISE = 'SOCIAL_ENTERPRISE',
  FOUNDATION = 'FOUNDATION',
  INCUBATOR = 'INCUBATOR',
  GOVERNMENT_AGENCY = 'GOVERNMENT_AGENCY',
  MASS_ORGANIZATION = 'MASS_ORGANIZATION',
  UNIVERSITY = 'UNIVERSITY',
  COMPANY = 'COMPANY',
  NETWORK = 'NETWORK',
}
registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'What kind of actor an organization is in the sector.',
  valuesConfig: {
    NGO: { description: 'Grassroots or professional non-profit organization, including social-work service agencies.' },
    INCUBATOR: { description: 'Supports new NGOs with space, training and mentoring (e.g. NPI, the Chengdu NGO Service Park).' },
    MASS_ORGANIZATION: { description: 'Mass organization such as the Communist Youth League, Women\'s Federation or Red Cross.' },
    NETWORK: { description: 'Network or platform joining organizations or people (e.g. a social-work portal).' },
  },
});
