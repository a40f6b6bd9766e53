import { ENTITY_DESCRIPTIONS, CacheControl, CACHE_MAX_AGE } from '@ngo-hub/kit/model';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The people subgraph's `Person`, as this subgraph sees it: its key plus the fields training adds
 * (enrollments, certificates, sessions taught, mentors and mentees). The description repeats the owner's so that composition has one.
 */
@CacheControl({ maxAge: CACHE_MAX_AGE.default })
@Directive('@key(fields: "id")')
@ObjectType('Person', { description: ENTITY_DESCRIPTIONS.Person.type })
export class PersonRef {
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.Person.id })
  id: string;
}

export function personRef(id: string): PersonRef {
  return Object.assign(new PersonRef(), { id });
}
