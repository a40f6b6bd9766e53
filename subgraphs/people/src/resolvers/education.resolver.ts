import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Education } from '../entities/education';
import { OrganizationRef } from '../entities/organization-ref';

@Resolver(() => Education)
export class EducationResolver {
  @FieldResolver(() => OrganizationRef, { nullable: true, description: 'The institution as an organization of the hub, when it is one (e.g. a university).' })
  organization(@Root() education: Education): OrganizationRef | null {
    return education.organizationId ? { id: education.organizationId } : null;
  }
}
