import { Auth, AuthRule, ConnectionArgs, type HubContext } from '@ngo-hub/kit';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PersonRef } from '../entities/person-ref';
import { EnrollmentListArgs } from '../inputs/enrollment.input';
import { MentorshipListArgs } from '../inputs/mentorship.input';
import { SessionListArgs } from '../inputs/session.input';
import { certificatesByPerson } from '../services/certificates';
import { enrollmentsByPerson } from '../services/enrollment-lists';
import { mentorshipsByMentee, mentorshipsByMentor } from '../services/mentorships';
import { sessionsByInstructor } from '../services/sessions';
import { CertificateConnection } from './certificate-connection';
import { EnrollmentConnection } from './enrollment-connection';
import { MentorshipConnection } from './mentorship-connection';
import { SessionConnection } from './session-connection';

/** The fields training adds to `Person`. */
// Fields added to another subgraph's entity are nullable: while this subgraph is down, the
// gateway still answers the rest of a query (partial data) instead of nulling the whole entity.
@Resolver(() => PersonRef)
export class PersonResolver {
  @FieldResolver(() => EnrollmentConnection, { nullable: true, description: "The person's enrollments in courses, in the order they applied." })
  @Auth(AuthRule.SELF, (person: PersonRef) => ({ personId: person.id }))
  enrollments(@Root() person: PersonRef, @Args(() => EnrollmentListArgs) args: EnrollmentListArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(enrollmentsByPerson, { parentId: person.id, args });
  }

  @FieldResolver(() => CertificateConnection, {
    nullable: true,
    description: 'Certificates of the courses the person completed, in the order they were issued.',
  })
  certificates(@Root() person: PersonRef, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(certificatesByPerson, { parentId: person.id, args });
  }

  @FieldResolver(() => SessionConnection, { nullable: true, description: 'Sessions of courses the person teaches or taught, in the order they take place.' })
  taught(@Root() person: PersonRef, @Args(() => SessionListArgs) args: SessionListArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(sessionsByInstructor, { parentId: person.id, args });
  }

  @FieldResolver(() => MentorshipConnection, {
    nullable: true,
    description: 'Mentorships and supervisions in which the person is mentored, each with its mentor.',
  })
  mentors(@Root() person: PersonRef, @Args(() => MentorshipListArgs) args: MentorshipListArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(mentorshipsByMentee, { parentId: person.id, args });
  }

  @FieldResolver(() => MentorshipConnection, { nullable: true, description: 'Mentorships and supervisions in which the person mentors, each with its mentee.' })
  mentees(@Root() person: PersonRef, @Args(() => MentorshipListArgs) args: MentorshipListArgs, @Ctx() ctx: HubContext) {
    return ctx.loaders.load(mentorshipsByMentor, { parentId: person.id, args });
  }
}
