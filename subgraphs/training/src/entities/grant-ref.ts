import { ENTITY_DESCRIPTIONS } from '@ngo-hub/kit/model';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The funding subgraph's `Grant`, which training only points at (a course's funding). */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Grant', { description: ENTITY_DESCRIPTIONS.Grant.type })
export class GrantRef {
  @Field(() => ID, { description: ENTITY_DESCRIPTIONS.Grant.id })
  id: string;
}

export function grantRef(id: string): GrantRef {
  return Object.assign(new GrantRef(), { id });
}
