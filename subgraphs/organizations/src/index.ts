import { erasureResolver, packageRoot, resolveMyDataReference, type HubContext, type SubgraphDefinition, removalsResolver } from '@ngo-hub/kit';
import { MyData } from './entities/my-data';
import { MyDataResolver } from './resolvers/my-data.resolver';
import { erasePersonInOrganizations } from './services/person-erasure';
import { ApiKey } from './entities/api-key';
import { IncubationCohort } from './entities/incubation-cohort';
import { IncubationMembership } from './entities/incubation-membership';
import { IncubationProgramme } from './entities/incubation-programme';
import { Organization } from './entities/organization';
import { OrganizationMember } from './entities/organization-member';
import { OrganizationRelation } from './entities/organization-relation';
import { RegistrationChange } from './entities/registration-change';
import { Webhook } from './entities/webhook';
import { WebhookDelivery } from './entities/webhook-delivery';
import { ApiKeyResolver } from './resolvers/api-key.resolver';
import { CredentialResolver } from './resolvers/credential.resolver';
import { OrganizationBatchResolver } from './resolvers/organization-batch.resolver';
import { IncubationCohortResolver } from './resolvers/incubation-cohort.resolver';
import { IncubationMembershipResolver } from './resolvers/incubation-membership.resolver';
import { IncubationProgrammeResolver } from './resolvers/incubation-programme.resolver';
import { OrganizationMemberResolver } from './resolvers/organization-member.resolver';
import { OrganizationRelationEdgeResolver, OrganizationRelationResolver } from './resolvers/organization-relation.resolver';
import { OrganizationResolver } from './resolvers/organization.resolver';
import { OrganizationSubscriptionResolver } from './resolvers/subscription.resolver';
import { SectorMapResolver } from './resolvers/sector-map.resolver';
import { OrganizationWebhooksResolver, WebhookResolver } from './resolvers/webhook.resolver';
import { organizationById } from './services/organizations';
import { seedOrganizations } from '../seed/organizations.seed';

export const organizationsSubgraph: SubgraphDefinition = {
  name: 'organizations',
  packageDir: packageRoot(__dirname),
  entities: [
    Organization,
    RegistrationChange,
    OrganizationRelation,
    IncubationProgramme,
    IncubationCohort,
    IncubationMembership,
    OrganizationMember,
    ApiKey,
    Webhook,
    WebhookDelivery,
  ],
  resolvers: [
    removalsResolver('removedOrganizations', 'Organization', 'Organizations'),
    MyDataResolver,
    erasureResolver('organizations', erasePersonInOrganizations),
    OrganizationResolver,
    OrganizationRelationResolver,
    OrganizationRelationEdgeResolver,
    IncubationProgrammeResolver,
    IncubationCohortResolver,
    IncubationMembershipResolver,
    SectorMapResolver,
    OrganizationMemberResolver,
    ApiKeyResolver,
    CredentialResolver,
    OrganizationBatchResolver,
    OrganizationSubscriptionResolver,
    WebhookResolver,
    OrganizationWebhooksResolver,
  ],
  // MyData is reached through federation only (people answers Query.myData)
  orphanedTypes: [MyData],
  referenceResolvers: {
    Organization: {
      __resolveReference: (reference: { id: string }, ctx: HubContext) => ctx.loaders.load(organizationById, reference.id),
    },
    MyData: { __resolveReference: resolveMyDataReference },
  },
  seed: seedOrganizations,
};
