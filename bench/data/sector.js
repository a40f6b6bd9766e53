'use strict';
// The generated sector's organizations, decided once in memory so every subgraph's writer agrees on
// each organization's id, city and kind (people live where their organization is, funders are
// foundations and government agencies, courses are held in the offering organization's city).
const { rowId, rowRandom, zipf } = require('./random');
const { CITIES, KINDS, CAUSE_AREAS, STAGES, QUALITIES, FOCUSES, FORMS } = require('./vocabulary');

const DISTRICTS = [
  ['Dongcheng', '东城'],
  ['Xicheng', '西城'],
  ['Nanshan', '南山'],
  ['Gaoxin', '高新'],
  ['Jinjiang', '锦江'],
  ['Wuhou', '武侯'],
  ['Qingyang', '青羊'],
  ['Pudong', '浦东'],
  ['Xuhui', '徐汇'],
  ['Haidian', '海淀'],
  ['Tianhe', '天河'],
  ['Yuexiu', '越秀'],
];
const LEGAL_FORM = {
  NGO: 'SOCIAL_SERVICE_ORGANIZATION',
  SOCIAL_ENTERPRISE: 'COMPANY',
  FOUNDATION: 'FOUNDATION',
  INCUBATOR: 'SOCIAL_SERVICE_ORGANIZATION',
  GOVERNMENT_AGENCY: 'GOVERNMENT_BODY',
  MASS_ORGANIZATION: 'SOCIAL_GROUP',
  UNIVERSITY: 'PUBLIC_INSTITUTION',
  COMPANY: 'COMPANY',
  NETWORK: 'SOCIAL_GROUP',
};
const CITY_WEIGHTS = zipf(
  CITIES.map((_, i) => i),
  1.1,
);

function planSector({ seed, orgs, people, grants, courses }) {
  const cityOf = new Uint8Array(orgs);
  const kindOf = new Array(orgs);
  for (let n = 0; n < orgs; n++) {
    const r = rowRandom(seed, 'organization', n);
    cityOf[n] = r.weighted(CITY_WEIGHTS);
    kindOf[n] = r.weighted(KINDS);
  }
  const funders = [];
  for (let n = 0; n < orgs; n++) if (kindOf[n] === 'FOUNDATION' || kindOf[n] === 'GOVERNMENT_AGENCY') funders.push(n);

  const organizationId = (n) => rowId(seed, 'organization', n);

  /** Every column of organization n; the random draws continue after the city and kind above. */
  function organization(n) {
    const r = rowRandom(seed, 'organization', n);
    r.next();
    r.next();
    const city = CITIES[cityOf[n]];
    const kind = kindOf[n];
    const [districtEn, districtZh] = r.pick(DISTRICTS);
    const [qualityEn, qualityZh] = r.pick(QUALITIES);
    const [focusEn, focusZh] = r.pick(FOCUSES);
    const [formEn, formZh] = r.pick(FORMS[kind]);
    const status = r.weighted([
      ['REGISTERED', 60],
      ['FILED_ON_RECORD', 25],
      ['UNREGISTERED', 15],
    ]);
    const founded = r.date(1995, 2025);
    const createdAt = `${r.date(2019, 2026)}T08:00:00Z`;
    return {
      id: organizationId(n),
      name: `${city.name} ${districtEn} ${qualityEn} ${focusEn} ${formEn}`,
      nameZh: `${city.nameZh}市${districtZh}区${qualityZh}${focusZh}${formZh}`,
      kind,
      causeAreas: r.some(CAUSE_AREAS, r.int(1, 3)),
      city: city.name,
      province: city.province,
      foundedOn: founded,
      stage: r.pick(STAGES),
      website: r.chance(0.4) ? `https://org-${n}.example.org` : null,
      description: `${qualityEn} ${focusEn.toLowerCase()} in ${districtEn} District, ${city.name}.`,
      descriptionZh: `位于${city.nameZh}${districtZh}区，专注${focusZh}。`,
      registration:
        status === 'UNREGISTERED'
          ? { status, legalForm: null, path: null, authority: null, authorityZh: null, registeredOn: null }
          : {
              status,
              legalForm: LEGAL_FORM[kind],
              path: r.chance(0.7) ? 'DIRECT' : 'SUPERVISING_UNIT',
              authority: `${districtEn} District Civil Affairs Bureau`,
              authorityZh: `${city.nameZh}市${districtZh}区民政局`,
              registeredOn: founded,
            },
      createdAt,
    };
  }

  return {
    seed,
    sizes: { orgs, people, grants, courses },
    cityOf,
    kindOf,
    funders,
    organizationId,
    organization,
    city: (n) => CITIES[cityOf[n]],
  };
}

module.exports = { planSector };
