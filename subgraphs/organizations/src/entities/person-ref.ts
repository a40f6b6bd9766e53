import { ENTITY_DESCRIPTIONS } from '@ngo-hub/kit/model';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The people subgraph's `Person`, as organizations refers to it (members): its key only. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Person', { description: ENTITY_DESCRIPTIONS.Person.type })
export class PersonRef {
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.Person.id })
  id: string;
}
