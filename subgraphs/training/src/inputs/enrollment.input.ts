import { ConnectionArgs } from '@ngo-hub/kit';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { EnrollmentStatus } from '../vocabulary/enrollment-status';

@InputType({ description: 'Who enrolls in which course.' })
export class EnrollPersonInput {
  @Field(() => ID, { description: 'The course to enroll in.' })
  courseId: string;

  @Field(() => ID, { description: 'The person who enrolls: an existing Person.' })
  personId: string;
}

@ArgsType()
export class EnrollmentListArgs extends ConnectionArgs {
  @Field(() => EnrollmentStatus, { nullable: true, description: 'Only enrollments with this status.' })
  status?: EnrollmentStatus;
}
