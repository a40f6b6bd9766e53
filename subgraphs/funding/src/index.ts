import { FundingSubscriptionResolver } from './resolvers/subscription.resolver';
import { erasureResolver, packageRoot, type HubContext, type SubgraphDefinition, removalsResolver } from '@ngo-hub/kit';
import { erasePersonInFunding } from './services/person-erasure';
import { Disbursement } from './entities/disbursement';
import { FundingApplication } from './entities/funding-application';
import { FundingProgramme } from './entities/funding-programme';
import { FundingProgrammeLot } from './entities/funding-programme-lot';
import { OrganizationIdentifier } from './entities/organization-identifier';
import { Grant } from './entities/grant';
import { DisbursementResolver } from './resolvers/disbursement.resolver';
import { FundingApplicationResolver } from './resolvers/funding-application.resolver';
import { FundingFlowResolver } from './resolvers/funding-flow.resolver';
import { FundingProgrammeLotResolver } from './resolvers/funding-programme-lot.resolver';
import { FundingProgrammeResolver } from './resolvers/funding-programme.resolver';
import { GrantExportResolver } from './resolvers/grant-export.resolver';
import { GrantResolver } from './resolvers/grant.resolver';
import { OrganizationFundingResolver } from './resolvers/organization.resolver';
import { grantById } from './services/grants';
import { seedFunding } from '../seed/funding.seed';

export const fundingSubgraph: SubgraphDefinition = {
  name: 'funding',
  packageDir: packageRoot(__dirname),
  entities: [FundingProgramme, FundingProgrammeLot, Grant, Disbursement, FundingApplication, OrganizationIdentifier],
  resolvers: [
    removalsResolver('removedGrants', 'Grant', 'Grants'),
    removalsResolver('removedFundingProgrammes', 'FundingProgramme', 'Funding programmes'),
    erasureResolver('funding', erasePersonInFunding),
    FundingProgrammeResolver,
    FundingProgrammeLotResolver,
    GrantResolver,
    DisbursementResolver,
    FundingApplicationResolver,
    FundingFlowResolver,
    GrantExportResolver,
    OrganizationFundingResolver,
    FundingSubscriptionResolver,
  ],
  referenceResolvers: {
    Grant: {
      __resolveReference: (reference: { id: string }, ctx: HubContext) => ctx.loaders.load(grantById, reference.id),
    },
  },
  seed: seedFunding,
};
