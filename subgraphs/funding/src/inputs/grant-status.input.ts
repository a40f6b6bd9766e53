import { Field, ID, InputType } from 'type-graphql';
import { GrantStatus } from '../entities/grant';

@InputType({
  description:
    'Moves a grant to another status. Allowed: PROPOSED → AWARDED or CANCELLED; AWARDED → ACTIVE or CANCELLED; ACTIVE → COMPLETED. COMPLETED and CANCELLED are final.',
})
export class ChangeGrantStatusInput {
  @Field(() => ID, { description: 'The grant to move.' })
  grantId: string;

  @Field(() => GrantStatus, { description: 'The status to move it to.' })
  status: GrantStatus;
}
