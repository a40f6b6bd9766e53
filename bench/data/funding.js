'use strict';
// The funding subgraph's share: two programmes per funder (foundations and government agencies)
// and grants in 360Giving's shape. A few funders make most grants (power law), recipients are
// skewed too, amounts are exact decimals, mostly in CNY.
const { rowId, rowRandom } = require('./random');
const { writeTable } = require('./bulk-insert');
const { PROGRAMME_KINDS, PROJECTS, CAUSE_AREAS } = require('./vocabulary');

const PROGRAMMES_PER_FUNDER = 2;

async function writeFunding(pool, sector) {
  const { grants, orgs } = sector.sizes;
  const { funders } = sector;
  if (!funders.length) return 0;
  let rows = await writeTable(pool, {
    table: 'funding.funding_programme',
    columns: [
      ['id', 'uuid'],
      ['name', 'text'],
      ['name_zh', 'text'],
      ['kind', 'text'],
      ['year', 'int4'],
      ['funder_organization_id', 'uuid'],
      ['cause_areas', 'text[]'],
      ['created_at', 'timestamptz'],
    ],
    units: funders.length * PROGRAMMES_PER_FUNDER,
    rowsOf(n) {
      const r = rowRandom(sector.seed, 'programme', n);
      const funder = funders[Math.floor(n / PROGRAMMES_PER_FUNDER)];
      const city = sector.city(funder);
      const kind =
        sector.kindOf[funder] === 'GOVERNMENT_AGENCY'
          ? 'GOVERNMENT_PURCHASE_OF_SERVICES'
          : r.weighted(PROGRAMME_KINDS.filter(([k]) => k !== 'GOVERNMENT_PURCHASE_OF_SERVICES'));
      const year = r.int(2010, 2026);
      const [projectEn, projectZh] = r.pick(PROJECTS);
      return [
        [
          rowId(sector.seed, 'programme', n),
          `${city.name} ${year} ${projectEn} programme`,
          `${city.nameZh}${year}年${projectZh}项目`,
          kind,
          year,
          sector.organizationId(funder),
          r.some(CAUSE_AREAS, 2),
          `${year}-01-01T00:00:00Z`,
        ],
      ];
    },
  });
  rows += await writeTable(pool, {
    table: 'funding.grant',
    columns: [
      ['id', 'uuid'],
      ['identifier', 'text'],
      ['title', 'text'],
      ['description', 'text'],
      ['amount', 'numeric'],
      ['currency', 'bpchar'],
      ['award_date', 'date'],
      ['planned_start_date', 'date'],
      ['planned_end_date', 'date'],
      ['recipient_organization_id', 'uuid'],
      ['funding_organization_id', 'uuid'],
      ['programme_id', 'uuid'],
      ['beneficiary_location', 'text'],
      ['cause_areas', 'text[]'],
      ['status', 'text'],
      ['created_at', 'timestamptz'],
    ],
    units: grants,
    rowsOf(n) {
      const r = rowRandom(sector.seed, 'grant', n);
      const f = r.skewed(funders.length, 3);
      const funder = funders[f];
      let recipient = r.skewed(orgs, 1.5);
      if (recipient === funder) recipient = (recipient + 1) % orgs;
      const city = sector.city(recipient);
      const [projectEn, projectZh] = r.pick(PROJECTS);
      const currency = r.weighted([
        ['CNY', 90],
        ['USD', 6],
        ['GBP', 4],
      ]);
      const amount = (Math.round(Math.exp(r.next() * 6 + 8) * 100) / 100).toFixed(2);
      const award = r.date(2008, 2026);
      const start = award;
      const end = new Date(Date.parse(award) + r.int(90, 1095) * 86400000).toISOString().slice(0, 10);
      const title = r.chance(0.6) ? `${city.nameZh}${projectZh}项目` : `${projectEn} in ${city.name}`;
      return [
        [
          rowId(sector.seed, 'grant', n),
          `360G-ngohub-bench-${sector.seed}-${n}`,
          title,
          `${projectEn} (${projectZh}), ${city.name}.`,
          amount,
          currency,
          award,
          start,
          end,
          sector.organizationId(recipient),
          sector.organizationId(funder),
          rowId(sector.seed, 'programme', f * PROGRAMMES_PER_FUNDER + (n % PROGRAMMES_PER_FUNDER)),
          city.name,
          r.some(CAUSE_AREAS, r.int(1, 2)),
          r.weighted([
            ['AWARDED', 30],
            ['ACTIVE', 40],
            ['COMPLETED', 28],
            ['CANCELLED', 2],
          ]),
          `${award}T10:00:00Z`,
        ],
      ];
    },
  });
  return rows;
}

module.exports = { writeFunding, tables: ['funding.funding_programme', 'funding.grant'] };
