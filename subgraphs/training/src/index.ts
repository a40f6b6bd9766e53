import { enrollmentById } from './services/enrollment-lists';
import { TrainingSubscriptionResolver } from './resolvers/subscription.resolver';
import { erasureResolver, packageRoot, resolveMyDataReference, type HubContext, type SubgraphDefinition, removalsResolver } from '@ngo-hub/kit';
import { seedTraining } from '../seed/training.seed';
import { Course } from './entities/course';
import { CourseOffering } from './entities/course-offering';
import { Certificate } from './entities/certificate';
import { CourseModule } from './entities/course-module';
import { Enrollment } from './entities/enrollment';
import { Lesson } from './entities/lesson';
import { LessonCompletion } from './entities/lesson-completion';
import { Mentorship } from './entities/mentorship';
import { Recognition } from './entities/recognition';
import { Session } from './entities/session';
import { CertificateResolver } from './resolvers/certificate.resolver';
import { CourseModuleResolver } from './resolvers/course-module.resolver';
import { CourseResolver } from './resolvers/course.resolver';
import { EnrollmentResolver } from './resolvers/enrollment.resolver';
import { LessonCompletionResolver } from './resolvers/lesson-completion.resolver';
import { LessonResolver } from './resolvers/lesson.resolver';
import { MentorshipResolver } from './resolvers/mentorship.resolver';
import { MyData } from './entities/my-data';
import { MyDataResolver } from './resolvers/my-data.resolver';
import { OrganizationResolver } from './resolvers/organization.resolver';
import { PersonResolver } from './resolvers/person.resolver';
import { SessionResolver } from './resolvers/session.resolver';
import { courseById } from './services/courses';
import { erasePersonInTraining } from './services/person-erasure';

export const trainingSubgraph: SubgraphDefinition = {
  name: 'training',
  packageDir: packageRoot(__dirname),
  entities: [Course, Recognition, CourseOffering, Enrollment, Session, Mentorship, CourseModule, Lesson, LessonCompletion, Certificate],
  resolvers: [
    removalsResolver('removedCourses', 'Course', 'Courses'),
    CourseResolver,
    EnrollmentResolver,
    SessionResolver,
    MentorshipResolver,
    CourseModuleResolver,
    LessonResolver,
    LessonCompletionResolver,
    CertificateResolver,
    OrganizationResolver,
    PersonResolver,
    TrainingSubscriptionResolver,
    MyDataResolver,
    erasureResolver('training', erasePersonInTraining),
  ],
  // MyData is reached through federation only (people answers Query.myData)
  orphanedTypes: [MyData],
  referenceResolvers: {
    Course: {
      __resolveReference: (reference: { id: string }, ctx: HubContext) => ctx.loaders.load(courseById, reference.id),
    },
    Enrollment: {
      __resolveReference: (reference: { id: string }, ctx: HubContext) => ctx.loaders.load(enrollmentById, reference.id),
    },
    MyData: { __resolveReference: resolveMyDataReference },
  },
  seed: seedTraining,
};
