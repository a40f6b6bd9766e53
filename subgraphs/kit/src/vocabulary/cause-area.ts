import { registerEnumType } from 'type-graphql';

/**
 * The causes the sector works on. One list for the whole hub, so that organizations, grants and
 * courses filter by the same words (and compose as one enum across subgraphs).
 */
export enum CauseArea {
  CHILDREN_AND_YOUTH = 'CHILDREN_AND_YOUTH',
  ELDERLY_CARE = 'ELDERLY_CARE',
  DISABILITY = 'DISABILITY',
  EDUCATION = 'EDUCATION',
  HEALTH = 'HEALTH',
  POVERTY_ALLEVIATION = 'POVERTY_ALLEVIATION',
  COMMUNITY_DEVELOPMENT = 'COMMUNITY_DEVELOPMENT',
  SOCIAL_WORK = 'SOCIAL_WORK',
  ENVIRONMENT = 'ENVIRONMENT',
  EMPLOYMENT = 'EMPLOYMENT',
  LEGAL_AID = 'LEGAL_AID',
  CULTURE = 'CULTURE',
  DISASTER_RELIEF = 'DISASTER_RELIEF',
  MIGRANT_WORKERS = 'MIGRANT_WORKERS',
  GENDER_EQUALITY = 'GENDER_EQUALITY',
  SECTOR_CAPACITY_BUILDING = 'SECTOR_CAPACITY_BUILDING',
  PHILANTHROPY = 'PHILANTHROPY',
}

registerEnumType(CauseArea, {
  name: 'CauseArea',
  description: 'A cause the sector works on.',
  valuesConfig: {
    CHILDREN_AND_YOUTH: { description: 'Children, adolescents and young people, including left-behind children.' },
    ELDERLY_CARE: { description: 'Care and services for older people, at home and in communities.' },
    DISABILITY: { description: 'People with disabilities: rehabilitation, inclusion, peer support.' },
    EDUCATION: { description: 'Schooling, literacy and learning outside school.' },
    HEALTH: { description: 'Physical and mental health, disease prevention, patient support.' },
    POVERTY_ALLEVIATION: { description: 'Income, livelihoods and rural development.' },
    COMMUNITY_DEVELOPMENT: { description: "Community services and residents' self-organization." },
    SOCIAL_WORK: { description: 'Professional social work and its supervision.' },
    ENVIRONMENT: { description: 'Environmental protection and conservation.' },
    EMPLOYMENT: { description: 'Job training and employment services.' },
    LEGAL_AID: { description: 'Legal services and rights protection.' },
    CULTURE: { description: 'Culture, arts and heritage.' },
    DISASTER_RELIEF: { description: 'Emergency relief and reconstruction after disasters.' },
    MIGRANT_WORKERS: { description: 'Migrant workers and their families.' },
    GENDER_EQUALITY: { description: "Women's rights and gender equality." },
    SECTOR_CAPACITY_BUILDING: { description: 'Support for other NGOs: incubation, training, consulting.' },
    PHILANTHROPY: { description: 'Fundraising, grant-making and the culture of giving.' },
  },
});
