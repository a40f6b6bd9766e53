import { schemaDrift } from '@ngo-hub/kit/testing';
import { fundingSubgraph } from '../src';

describe('migrations and entities', () => {
  it('a database migrated from empty is exactly what the entities map (no schema drift)', async () => {
    expect(await schemaDrift(fundingSubgraph)).toEqual([]);
  });
});
