import type { HubContext } from '@ngo-hub/kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ApiKey } from '../entities/api-key';
import { MyData } from '../entities/my-data';
import { OrganizationMember } from '../entities/organization-member';
import { personActor } from '../services/api-keys';

/** Organizations' part of a person's data export; `MyData` reaches a subgraph only for the person themself. */
// nullable like every field added to another subgraph's entity: a down subgraph yields partial data
@Resolver(() => MyData)
export class MyDataResolver {
  @FieldResolver(() => [OrganizationMember], { nullable: true, description: 'The organizations the person edits or administers on the hub, oldest first.' })
  memberships(@Root() data: MyData, @Ctx() ctx: HubContext): Promise<OrganizationMember[]> {
    return ctx.em.find(OrganizationMember, { personId: data.id }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  @FieldResolver(() => [ApiKey], { nullable: true, description: 'API keys the person created for their organizations (revoked ones included), oldest first.' })
  apiKeysCreated(@Root() data: MyData, @Ctx() ctx: HubContext): Promise<ApiKey[]> {
    return ctx.em.find(ApiKey, { createdBy: personActor(data.id) }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }
}
