import { PageInfo } from '@ngo-hub/kit';
import { Field, Int, ObjectType } from 'type-graphql';
import { OrganizationRelation } from '../entities/organization-relation';
import type { RelationEdge } from '../services/organization-relations';
import { RelationDirection } from '../vocabulary/relation-direction';

/**
 * Written out rather than built with the kit's `Connection`, whose edges carry only cursor and
 * node: a relation's edge also says which way it points and who is at the other end.
 */
@ObjectType({ description: 'One relation of an organization, seen from that organization: its direction and the organization at the other end.' })
export class OrganizationRelationEdge implements RelationEdge {
  @Field({ description: 'Opaque cursor of this item; pass it as `after` to continue after it.' })
  cursor: string;

  @Field(() => OrganizationRelation, { description: 'The relation.' })
  node: OrganizationRelation;

  @Field(() => RelationDirection, { description: "OUTGOING when the organization is the relation's from, INCOMING when it is its to." })
  direction: RelationDirection.OUTGOING | RelationDirection.INCOMING;

  /** Served as `relatedOrganization` by OrganizationRelationEdgeResolver, through the organization loader. */
  relatedOrganizationId: string;
}

@ObjectType({ description: "A page of an organization's relations, ordered by when they began (unknown dates last)." })
export class OrganizationRelationConnection {
  @Field(() => [OrganizationRelationEdge], { description: 'The relations of this page, each with its cursor, direction and related organization.' })
  edges: OrganizationRelationEdge[];

  @Field(() => [OrganizationRelation], { description: 'The relations of this page, without cursors.' })
  nodes: OrganizationRelation[];

  @Field(() => PageInfo, { description: 'Whether more items follow, and the cursors to get them.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many items the whole list has, across all pages.' })
  totalCount: number;
}
