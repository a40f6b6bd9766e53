import { Field, InputType, Int } from 'type-graphql';
import { QualificationKind, SocialWorkQualification } from '../entities/qualification';

@InputType({ description: 'A professional qualification a person holds. Each kind and level at most once per person.' })
export class QualificationInput {
  @Field(() => QualificationKind, { defaultValue: QualificationKind.SOCIAL_WORK, description: 'Which qualification (default SOCIAL_WORK).' })
  kind: QualificationKind;

  @Field(() => SocialWorkQualification, { description: 'The level held.' })
  level: SocialWorkQualification;

  @Field(() => Int, { nullable: true, description: 'Year obtained: not before 2008 (the first national examination) nor in the future.' })
  year?: number | null;
}
