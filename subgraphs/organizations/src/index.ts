import { packageRoot, type HubContext, type SubgraphDefinition } from '@ngo-hub/kit';
import { IncubationCohort } from './entities/incubation-cohort';
import { IncubationMembership } from './entities/incubation-membership';
import { IncubationProgramme } from './entities/incubation-programme';
import { Organization } from './entities/organization';
import { OrganizationRelation } from './entities/organization-relation';
import { RegistrationChange } from './entities/registration-change';
import { IncubationCohortResolver } from './resolvers/incubation-cohort.resolver';
import { IncubationMembershipResolver } from './resolvers/incubation-membership.resolver';
import { IncubationProgrammeResolver } from './resolvers/incubation-programme.resolver';
import { OrganizationRelationEdgeResolver, OrganizationRelationResolver } from './resolvers/organization-relation.resolver';
import { OrganizationResolver } from './resolvers/organization.resolver';
import { SectorMapResolver } from './resolvers/sector-map.resolver';
import { organizationById } from './services/organizations';
import { seedOrganizations } from '../seed/organizations.seed';

export const organizationsSubgraph: SubgraphDefinition = {
  name: 'organizations',
  packageDir: packageRoot(__dirname),
  entities: [Organization, RegistrationChange, OrganizationRelation, IncubationProgramme, IncubationCohort, IncubationMembership],
  resolvers: [
    OrganizationResolver,
    OrganizationRelationResolver,
    OrganizationRelationEdgeResolver,
    IncubationProgrammeResolver,
    IncubationCohortResolver,
    IncubationMembershipResolver,
    SectorMapResolver,
  ],
  referenceResolvers: {
    Organization: {
      __resolveReference: (reference: { id: string }, ctx: HubContext) => ctx.loaders.load(organizationById, reference.id),
    },
  },
  seed: seedOrganizations,
};
