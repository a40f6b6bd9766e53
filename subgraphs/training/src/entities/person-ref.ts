import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The people subgraph's `Person`, as this subgraph sees it: its key plus the fields training adds
 * (`enrollments`). The description repeats the owner's so that composition has one.
 */
@Directive('@key(fields: "id")')
@ObjectType('Person', { description: 'Someone who works in or with the NGO sector: social worker, student, teacher, founder, official, ...' })
export class PersonRef {
  @Field(() => ID, { description: 'Stable identifier (a UUID).' })
  id: string;
}

export function personRef(id: string): PersonRef {
  return Object.assign(new PersonRef(), { id });
}
