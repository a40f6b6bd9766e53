import { packageRoot, type HubContext, type SubgraphDefinition } from '@ngo-hub/kit';
import { seedTraining } from '../seed/training.seed';
import { Course } from './entities/course';
import { CourseOffering } from './entities/course-offering';
import { Enrollment } from './entities/enrollment';
import { CourseResolver } from './resolvers/course.resolver';
import { EnrollmentResolver } from './resolvers/enrollment.resolver';
import { OrganizationResolver } from './resolvers/organization.resolver';
import { PersonResolver } from './resolvers/person.resolver';
import { courseById } from './services/courses';

export const trainingSubgraph: SubgraphDefinition = {
  name: 'training',
  packageDir: packageRoot(__dirname),
  entities: [Course, CourseOffering, Enrollment],
  resolvers: [CourseResolver, EnrollmentResolver, OrganizationResolver, PersonResolver],
  referenceResolvers: {
    Course: {
      __resolveReference: (reference: { id: string }, ctx: HubContext) => ctx.loaders.load(courseById, reference.id),
    },
  },
  seed: seedTraining,
};
