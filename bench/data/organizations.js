'use strict';
// The organizations subgraph's share: organizations and the first entry of each one's registration
// history (the history's last entry is the current registration, as the subgraph keeps it).
const { rowId } = require('./random');
const { writeTable } = require('./bulk-insert');

async function writeOrganizations(pool, sector) {
  const { orgs } = sector.sizes;
  let rows = await writeTable(pool, {
    table: 'organizations.organization',
    columns: [
      ['id', 'uuid'],
      ['name', 'text'],
      ['name_zh', 'text'],
      ['kind', 'text'],
      ['cause_areas', 'text[]'],
      ['city', 'text'],
      ['province', 'text'],
      ['country', 'text'],
      ['founded_on', 'date'],
      ['stage', 'text'],
      ['website', 'text'],
      ['description', 'text'],
      ['description_zh', 'text'],
      ['registration_status', 'text'],
      ['registration_legal_form', 'text'],
      ['registration_path', 'text'],
      ['registration_authority', 'text'],
      ['registration_authority_zh', 'text'],
      ['registration_registered_on', 'date'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    units: orgs,
    rowsOf(n) {
      const o = sector.organization(n);
      const g = o.registration;
      return [
        [
          o.id,
          o.name,
          o.nameZh,
          o.kind,
          o.causeAreas,
          o.city,
          o.province,
          'CN',
          o.foundedOn,
          o.stage,
          o.website,
          o.description,
          o.descriptionZh,
          g.status,
          g.legalForm,
          g.path,
          g.authority,
          g.authorityZh,
          g.registeredOn,
          o.createdAt,
          o.createdAt,
        ],
      ];
    },
  });
  rows += await writeTable(pool, {
    table: 'organizations.registration_change',
    columns: [
      ['id', 'uuid'],
      ['organization_id', 'uuid'],
      ['status', 'text'],
      ['legal_form', 'text'],
      ['path', 'text'],
      ['authority', 'text'],
      ['authority_zh', 'text'],
      ['registered_on', 'date'],
      ['reason', 'text'],
      ['recorded_at', 'timestamptz'],
    ],
    units: orgs,
    rowsOf(n) {
      const o = sector.organization(n);
      const g = o.registration;
      return [
        [
          rowId(sector.seed, 'registration_change', n),
          o.id,
          g.status,
          g.legalForm,
          g.path,
          g.authority,
          g.authorityZh,
          g.registeredOn,
          'registration as listed',
          o.createdAt,
        ],
      ];
    },
  });
  return rows;
}

module.exports = { writeOrganizations, tables: ['organizations.organization', 'organizations.registration_change'] };
