import { MY_DATA_DESCRIPTION, CacheControl } from '@ngo-hub/kit/model';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The signed-in person's data export (owned by people); organizations adds memberships and the API keys they created. */
@CacheControl({ maxAge: 0, scope: 'PRIVATE' })
@Directive('@key(fields: "id")')
@ObjectType({ description: MY_DATA_DESCRIPTION })
export class MyData {
  @Field(() => ID, { description: "The person's id." })
  id: string;
}
