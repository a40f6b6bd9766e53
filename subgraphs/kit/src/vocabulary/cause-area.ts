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
    SOCIAL_WORK: { description: 'Professional social work and its supervision.' },
    SECTOR_CAPACITY_BUILDING: { description: 'Support for other NGOs: incubation, training, consulting.' },
    PHILANTHROPY: { description: 'Fundraising, grant-making and the culture of giving.' },
  },
});
