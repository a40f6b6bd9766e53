'use strict';
// The people subgraph's share: people with bilingual names, roles, skills and languages, living in
// their organization's city; one affiliation each (a quarter have a second). Big organizations have
// many people, most have a few.
const { rowId, rowRandom } = require('./random');
const { writeTable } = require('./bulk-insert');
const { SURNAMES, GIVEN, PERSON_ROLES, SKILLS, LANGUAGES, AFFILIATION_ROLES } = require('./vocabulary');

/** The organization person n works for first. */
function homeOrganization(sector, n) {
  return rowRandom(sector.seed, 'home', n).skewed(sector.sizes.orgs, 1.8);
}

async function writePeople(pool, sector) {
  const { people, orgs } = sector.sizes;
  const seconds = Math.floor(people / 4);
  let rows = await writeTable(pool, {
    table: 'people.person',
    columns: [
      ['id', 'uuid'],
      ['name', 'text'],
      ['name_zh', 'text'],
      ['roles', 'text[]'],
      ['city', 'text'],
      ['province', 'text'],
      ['skills', 'text[]'],
      ['languages', 'text[]'],
      ['bio', 'text'],
      ['email', 'text'],
      ['visibility', 'text'],
      ['open_to_work', 'boolean'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    units: people,
    rowsOf(n) {
      const r = rowRandom(sector.seed, 'person', n);
      const [surname, surnameZh] = r.pick(SURNAMES);
      const [given, givenZh] = r.pick(GIVEN);
      const city = sector.city(homeOrganization(sector, n));
      const languages = [
        'zh',
        ...r.some(
          LANGUAGES.slice(1).map(([l]) => l),
          r.chance(0.35) ? 1 : 0,
        ),
      ];
      const createdAt = `${r.date(2019, 2026)}T09:00:00Z`;
      return [
        [
          rowId(sector.seed, 'person', n),
          `${surname} ${given}`,
          `${surnameZh}${givenZh}`,
          r.some(PERSON_ROLES, r.int(1, 2)),
          city.name,
          city.province,
          r.some(SKILLS, r.int(1, 4)),
          languages,
          `Works in ${city.name}'s non-profit sector.`,
          r.chance(0.5) ? `${surname}.${given}.${n}@example.org`.toLowerCase() : null,
          r.weighted([
            ['PUBLIC', 80],
            ['PARTNERS', 15],
            ['PRIVATE', 5],
          ]),
          r.chance(0.2),
          createdAt,
          createdAt,
        ],
      ];
    },
  });
  rows += await writeTable(pool, {
    table: 'people.affiliation',
    // confirmed by both sides, as the sector's ties are: pending ones are not listed
    columns: [
      ['id', 'uuid'],
      ['person_id', 'uuid'],
      ['organization_id', 'uuid'],
      ['role', 'text'],
      ['title', 'text'],
      ['started_on', 'date'],
      ['person_confirmed_at', 'timestamptz'],
      ['organization_confirmed_at', 'timestamptz'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    units: people + seconds,
    rowsOf(n) {
      const r = rowRandom(sector.seed, 'affiliation', n);
      const person = n < people ? n : (n - people) * 4;
      const home = homeOrganization(sector, person);
      const organization = n < people ? home : (home + 1 + r.int(0, orgs - 2)) % orgs;
      const role = r.weighted(AFFILIATION_ROLES);
      return [
        [
          rowId(sector.seed, 'affiliation', n),
          rowId(sector.seed, 'person', person),
          sector.organizationId(organization),
          role,
          null,
          r.date(2005, 2026),
          '2026-01-01T00:00:00Z',
          '2026-01-01T00:00:00Z',
          '2026-01-01T00:00:00Z',
          '2026-01-01T00:00:00Z',
        ],
      ];
    },
  });
  return rows;
}

module.exports = { writePeople, homeOrganization, tables: ['people.person', 'people.affiliation'] };
