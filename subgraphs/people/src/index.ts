import { postingById } from './services/posting-by-id';
import { packageRoot, resolveMyDataReference, type HubContext, type SubgraphDefinition, removalsResolver } from '@ngo-hub/kit';
import { Affiliation } from './entities/affiliation';
import { Education } from './entities/education';
import { ErasureRequest } from './entities/erasure-request';
import { JobApplication } from './entities/job-application';
import { JobPosting } from './entities/job-posting';
import { Person } from './entities/person';
import { Qualification } from './entities/qualification';
import { Recommendation } from './entities/recommendation';
import { AccountResolver } from './resolvers/account.resolver';
import { AuditActorResolver, AuditLogResolver, MyDataAccessLogResolver } from './resolvers/audit-log.resolver';
import { AffiliationResolver } from './resolvers/affiliation.resolver';
import { EducationResolver } from './resolvers/education.resolver';
import { JobApplicationResolver } from './resolvers/job-application.resolver';
import { JobPostingResolver } from './resolvers/job-posting.resolver';
import { MyDataResolver } from './resolvers/my-data.resolver';
import { OrganizationPeopleResolver } from './resolvers/organization.resolver';
import { PersonResolver } from './resolvers/person.resolver';
import { PeopleSubscriptionResolver } from './resolvers/subscription.resolver';
import { RecommendationResolver } from './resolvers/recommendation.resolver';
import { erasureRetries } from './services/account-deletion';
import { personById } from './services/people';
import { seedPeopleConfirmed } from '../seed/affiliation-consent.seed';

export const peopleSubgraph: SubgraphDefinition = {
  name: 'people',
  packageDir: packageRoot(__dirname),
  entities: [Person, Affiliation, Education, Qualification, JobPosting, JobApplication, Recommendation, ErasureRequest],
  resolvers: [
    removalsResolver('removedPeople', 'Person', 'People (deleted, made PRIVATE or erased)'),
    removalsResolver('removedJobPostings', 'JobPosting', 'Job postings'),
    PersonResolver,
    AffiliationResolver,
    EducationResolver,
    OrganizationPeopleResolver,
    JobPostingResolver,
    JobApplicationResolver,
    RecommendationResolver,
    PeopleSubscriptionResolver,
    MyDataResolver,
    AccountResolver,
    AuditLogResolver,
    AuditActorResolver,
    MyDataAccessLogResolver,
  ],
  referenceResolvers: {
    Person: {
      __resolveReference: (reference: { id: string }, ctx: HubContext) => ctx.loaders.load(personById, reference.id),
    },
    JobPosting: {
      __resolveReference: (reference: { id: string }, ctx: HubContext) => ctx.loaders.load(postingById, reference.id),
    },
    MyData: { __resolveReference: resolveMyDataReference },
  },
  background: erasureRetries,
  seed: seedPeopleConfirmed,
};
