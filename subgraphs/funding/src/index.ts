import { packageRoot, type HubContext, type SubgraphDefinition } from '@ngo-hub/kit';
import { FundingProgramme } from './entities/funding-programme';
import { Grant } from './entities/grant';
import { FundingProgrammeResolver } from './resolvers/funding-programme.resolver';
import { GrantResolver } from './resolvers/grant.resolver';
import { OrganizationFundingResolver } from './resolvers/organization.resolver';
import { grantById } from './services/grants';
import { seedFunding } from '../seed/funding.seed';

export const fundingSubgraph: SubgraphDefinition = {
  name: 'funding',
  packageDir: packageRoot(__dirname),
  entities: [FundingProgramme, Grant],
  resolvers: [FundingProgrammeResolver, GrantResolver, OrganizationFundingResolver],
  referenceResolvers: {
    Grant: {
      __resolveReference: (reference: { id: string }, ctx: HubContext) => ctx.loaders.load(grantById, reference.id),
    },
  },
  seed: seedFunding,
};
