import { packageRoot, type HubContext, type SubgraphDefinition } from '@ngo-hub/kit';
import { Affiliation } from './entities/affiliation';
import { Person } from './entities/person';
import { AffiliationResolver } from './resolvers/affiliation.resolver';
import { OrganizationPeopleResolver } from './resolvers/organization.resolver';
import { PersonResolver } from './resolvers/person.resolver';
import { personById } from './services/people';
import { seedPeople } from '../seed/people.seed';

export const peopleSubgraph: SubgraphDefinition = {
  name: 'people',
  packageDir: packageRoot(__dirname),
  entities: [Person, Affiliation],
  resolvers: [PersonResolver, AffiliationResolver, OrganizationPeopleResolver],
  referenceResolvers: {
    Person: {
      __resolveReference: (reference: { id: string }, ctx: HubContext) => ctx.loaders.load(personById, reference.id),
    },
  },
  seed: seedPeople,
};
