import { Connection } from '@ngo-hub/kit';
import { Field, Int, ObjectType } from 'type-graphql';
import { JobPosting } from '../entities/job-posting';
import { Person } from '../entities/person';

/** Why a person and a posting were matched: what the score is made of. */
@ObjectType('MatchExplanationBase')
export abstract class MatchExplanation {
  @Field(() => Int, { description: 'Rank of the match: 2 per shared skill, +1 for the same city, +1 when the qualification requirement is met. Higher first.' })
  score: number;

  @Field(() => [String], { description: "The posting's skills the person has (compared ignoring case), as the posting writes them." })
  matchedSkills: string[];

  @Field({ description: "True when the person lives in the posting's city (compared ignoring case)." })
  sameCity: boolean;

  @Field({ description: "True when the person holds the posting's minimum social-work qualification or a higher one, or the posting requires none." })
  qualificationMet: boolean;
}

@ObjectType({ description: 'A posting suggested to a person, with why it was suggested.' })
export class PostingSuggestion extends MatchExplanation {
  @Field(() => JobPosting, { description: 'The suggested posting; it takes applications today.' })
  posting: JobPosting;
}

@ObjectType({ description: 'A person suggested for a posting, with why they were suggested.' })
export class CandidateSuggestion extends MatchExplanation {
  @Field(() => Person, { description: 'The suggested person: open to work, with a profile that is not PRIVATE.' })
  person: Person;
}

@ObjectType({ description: 'A page of suggested postings, best match first.' })
export class PostingSuggestionConnection extends Connection(() => PostingSuggestion, 'PostingSuggestion') {}

@ObjectType({ description: 'A page of suggested candidates, best match first.' })
export class CandidateSuggestionConnection extends Connection(() => CandidateSuggestion, 'CandidateSuggestion') {}
