import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A person recommending another person to a job posting or to an organization: give `postingId` or `organizationId`, not both.' })
export class RecommendPersonInput {
  @Field(() => ID, { description: 'Who recommends (e.g. a mentor or an advisor).' })
  recommenderId: string;

  @Field(() => ID, { description: 'Who is recommended; not the recommender.' })
  candidateId: string;

  @Field(() => ID, { nullable: true, description: 'The posting the candidate is recommended for; it must take applications today.' })
  postingId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organization the candidate is recommended to (of the organizations subgraph).' })
  organizationId?: string | null;

  @Field({ description: 'Why the recommender vouches for the candidate (at most 2000 characters).' })
  note: string;
}
