import { Embeddable, Property } from '@mikro-orm/postgresql';
import { Field, Int, ObjectType } from 'type-graphql';

/** Kept inside its course's row: a recognition has no identity or life of its own. */
@Embeddable()
@ObjectType({ description: 'An award or distinction a course or programme received, e.g. a national recognition of a training camp.' })
export class Recognition {
  @Property({ type: 'smallint' })
  @Field(() => Int, { description: 'The year it was given.' })
  year: number;

  @Property({ type: 'text' })
  @Field({ description: 'Its title in English.' })
  title: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Its title in Chinese.' })
  titleZh?: string;

  @Property({ type: 'text' })
  @Field({ description: 'Who gave it, by name in English (the body need not be in the hub).' })
  awardedBy: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Who gave it, in Chinese.' })
  awardedByZh?: string;
}
