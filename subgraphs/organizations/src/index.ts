import { packageRoot, type HubContext, type SubgraphDefinition } from '@ngo-hub/kit';
import { Organization } from './entities/organization';
import { OrganizationResolver } from './resolvers/organization.resolver';
import { organizationById } from './services/organizations';
import { seedOrganizations } from '../seed/organizations.seed';

export const organizationsSubgraph: SubgraphDefinition = {
  name: 'organizations',
  packageDir: packageRoot(__dirname),
  entities: [Organization],
  resolvers: [OrganizationResolver],
  referenceResolvers: {
    Organization: {
      __resolveReference: (reference: { id: string }, ctx: HubContext) => ctx.loaders.load(organizationById, reference.id),
    },
  },
  seed: seedOrganizations,
};
