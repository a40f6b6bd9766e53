import { composeSupergraph, schemaDir } from '@ngo-hub/gateway';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('schema/ is composed and checked in', () => {
  it('matches what the subgraphs compose to now, with no error and no unaccepted hint', async () => {
    const { files } = await composeSupergraph();
    expect(Object.keys(files).sort()).toEqual(['funding.graphql', 'organizations.graphql', 'people.graphql', 'supergraph.graphql', 'training.graphql']);
    for (const [name, content] of Object.entries(files)) {
      const checkedIn = readFileSync(join(schemaDir(), name), 'utf8');
      // A failure here means a subgraph's schema changed: run `npm run compose` and commit schema/.
      expect({ name, content: checkedIn }).toEqual({ name, content });
    }
  });
});
