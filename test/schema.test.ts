import { composeSupergraph, schemaDir } from '@ngo-hub/gateway';
import { buildSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { gql } from './setup/hub';
import { join } from 'node:path';

describe('schema/ is composed and checked in', () => {
  it('matches what the subgraphs compose to now, with no error and no unaccepted hint', async () => {
    const { files } = await composeSupergraph();
    expect(Object.keys(files).sort()).toEqual([
      'api.graphql',
      'funding.graphql',
      'organizations.graphql',
      'people.graphql',
      'supergraph.graphql',
      'training.graphql',
    ]);
    for (const [name, content] of Object.entries(files)) {
      const checkedIn = readFileSync(join(schemaDir(), name), 'utf8');
      // A failure here means a subgraph's schema changed: run `npm run compose` and commit schema/.
      expect({ name, content: checkedIn }).toEqual({ name, content });
    }
  });

  it('gives clients an API schema without federation internals, equal to what the gateway serves', async () => {
    const api = readFileSync(join(schemaDir(), 'api.graphql'), 'utf8');
    expect(api).not.toMatch(/join__|link__|@inaccessible|@key|_entities|_service|_Any\b|_erasePersonIn|_auditEntriesIn|_apiKeyCredential/);
    const served = (await gql<{ __schema: { queryType: { fields: { name: string }[] } } }>(`{ __schema { queryType { fields { name } } } }`)).data!;
    const clientFields = buildSchema(api).getQueryType()!.getFields();
    expect(Object.keys(clientFields).sort()).toEqual(served.__schema.queryType.fields.map((f) => f.name).sort());
    expect(clientFields.organizations.description).toBeTruthy();
  });
});
