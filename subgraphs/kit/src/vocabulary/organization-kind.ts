import { registerEnumType } from 'type-graphql';

/**
 * What kind of actor an organization is. Owned by the organizations subgraph, used in inputs by
 * others (funding flows by funder kind): composition wants such an enum identical everywhere,
 * so it is written once, here.
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
    SOCIAL_ENTERPRISE: { description: 'Business with a social mission, often registered as a company.' },
    FOUNDATION: { description: 'Grant-making or operating foundation (基金会), public or non-public fundraising.' },
    GOVERNMENT_AGENCY: { description: 'Government body, e.g. a civil-affairs bureau buying social services.' },
    UNIVERSITY: { description: 'University or college, e.g. one teaching social work.' },
    COMPANY: { description: 'Company acting as donor, partner or service provider.' },
    INCUBATOR: { description: 'Supports new NGOs with space, training and mentoring (e.g. NPI, the Chengdu NGO Service Park).' },
    MASS_ORGANIZATION: { description: "Mass organization such as the Communist Youth League, Women's Federation or Red Cross." },
    NETWORK: { description: 'Network or platform joining organizations or people (e.g. a social-work portal).' },
  },
});
