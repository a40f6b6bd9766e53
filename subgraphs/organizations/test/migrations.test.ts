import { openSubgraphOrm } from '@ngo-hub/kit';
import { createTestDatabase } from '@ngo-hub/kit/testing';
import { organizationsSubgraph } from '../src';

describe('migrations', () => {
  it('start the registration history of organizations that existed before it was kept', async () => {
    const database = await createTestDatabase('ngohub_org_migration');
    const orm = await openSubgraphOrm(organizationsSubgraph, database.url);
    try {
      const connection = orm.em.getConnection();
      await connection.execute('create schema if not exists "organizations"');
      const migrator = orm.getMigrator();
      await migrator.up({ to: 'Migration20261123090729' });
      await connection.execute(
        `insert into "organizations"."organization" ("id", "name", "kind", "registration_status", "registration_authority", "registration_registered_on")
         values ('6f1c1d9e-52b1-4b8e-9a35-0f2f0b7a1c01', 'Existing NGO', 'NGO', 'FILED_ON_RECORD', 'Qingyang District Civil Affairs Bureau', '2011-05-01')`,
      );
      await migrator.up();
      const rows = await connection.execute(
        `select "organization_id", "previous_status", "status", "authority", "registered_on" from "organizations"."registration_change"`,
      );
      expect(rows).toEqual([
        {
          organization_id: '6f1c1d9e-52b1-4b8e-9a35-0f2f0b7a1c01',
          previous_status: null,
          status: 'FILED_ON_RECORD',
          authority: 'Qingyang District Civil Affairs Bureau',
          registered_on: '2011-05-01',
        },
      ]);
    } finally {
      await orm.close();
      await database.drop();
    }
  });
});
