import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Organization } from '../entities/organization';
import { IncubationStatus } from '../vocabulary/incubation-status';

/** The most organizations and ties one network answer holds. */
export const SECTOR_NETWORK_NODE_LIMIT = 500;
export const SECTOR_NETWORK_EDGE_LIMIT = 2000;

export enum SectorNetworkEdgeKind {
  PARTNER = 'PARTNER',
  MEMBER_OF = 'MEMBER_OF',
  SUPERVISED_BY = 'SUPERVISED_BY',
  REPLICATED_MODEL_OF = 'REPLICATED_MODEL_OF',
  CO_ORGANIZER = 'CO_ORGANIZER',
  INCUBATED_BY = 'INCUBATED_BY',
}
registerEnumType(SectorNetworkEdgeKind, {
  name: 'SectorNetworkEdgeKind',
  description: 'What a tie of the sector network is: a relation between organizations (its kind) or an incubation membership (INCUBATED_BY).',
  valuesConfig: {
    PARTNER: { description: 'A PARTNER relation.' },
    MEMBER_OF: { description: 'A MEMBER_OF relation.' },
    SUPERVISED_BY: { description: 'A SUPERVISED_BY relation: from the supervised organization to its supervising unit.' },
    REPLICATED_MODEL_OF: { description: 'A REPLICATED_MODEL_OF relation: from the replication to the original.' },
    CO_ORGANIZER: { description: 'A CO_ORGANIZER relation.' },
    INCUBATED_BY: { description: 'An incubation membership: from the incubated organization to the incubator running the programme.' },
  },
});

@ObjectType({ description: 'How many organizations share one value of a dimension (a city, a kind, a cause area, ...).' })
export class SectorMapCount {
  @Field(() => String, { nullable: true, description: 'The value: a city, a province, or an enum value such as NGO or REGISTERED; null when not recorded.' })
  key: string | null;

  @Field(() => Int, { description: 'How many organizations have it.' })
  count: number;
}

@ObjectType({ description: 'An organization in the sector network.' })
export class SectorNetworkNode {
  @Field(() => ID, { description: "The organization's id; edges refer to nodes by it (fromId, toId)." })
  id: string;

  @Field(() => Organization, { description: 'The organization, with every field the hub knows of it.' })
  organization: Organization;

  @Field({
    description:
      'True for organizations the filter selects; false for those outside it shown because a tie reaches them (e.g. an incubator, a supervising unit in another city).',
  })
  inScope: boolean;
}

@ObjectType({ description: 'A typed tie between two organizations of the network: a relation or an incubation membership.' })
export class SectorNetworkEdge {
  @Field(() => ID, { description: 'Id of the OrganizationRelation or IncubationMembership behind the tie.' })
  id: string;

  @Field(() => SectorNetworkEdgeKind, { description: 'What the tie is.' })
  kind: SectorNetworkEdgeKind;

  @Field(() => ID, { description: "Id of the node the tie starts from (the relation's from, the incubated organization)." })
  fromId: string;

  @Field(() => ID, { description: "Id of the node the tie points to (the relation's to, the incubator)." })
  toId: string;

  @Field(() => Date, { nullable: true, description: 'When the tie began, if known.' })
  startedOn: string | null;

  @Field(() => Date, { nullable: true, description: 'When the tie ended; null while it lasts.' })
  endedOn: string | null;

  @Field({ description: 'True while the tie has not ended.' })
  active: boolean;

  @Field(() => IncubationStatus, { nullable: true, description: "For INCUBATED_BY ties, the membership's status." })
  incubationStatus: IncubationStatus | null;
}

@ObjectType({
  description: `The organizations of a part of the sector and the ties between them, bounded: at most ${SECTOR_NETWORK_NODE_LIMIT} nodes and ${SECTOR_NETWORK_EDGE_LIMIT} edges; truncated tells when more exist.`,
})
export class SectorNetwork {
  @Field(() => [SectorNetworkNode], {
    description: `The organizations the filter selects (by name, at most ${SECTOR_NETWORK_NODE_LIMIT}), then those outside it that their ties reach, as room is left.`,
  })
  nodes: SectorNetworkNode[];

  @Field(() => [SectorNetworkEdge], {
    description: `Relations and incubation memberships (current and ended) that touch a selected organization and join two nodes; at most ${SECTOR_NETWORK_EDGE_LIMIT}.`,
  })
  edges: SectorNetworkEdge[];

  @Field({ description: 'True when organizations or ties were left out to stay within the limits; narrow the filter to see them all.' })
  truncated: boolean;

  @Field(() => Int, { description: 'The most nodes a network answer holds.' })
  nodeLimit: number;

  @Field(() => Int, { description: 'The most edges a network answer holds.' })
  edgeLimit: number;
}

/** The scope of one `sectorMap` answer; its fields are computed when selected. */
@ObjectType({
  description:
    'Counts of the organizations of a part of the sector by city, province, kind, cause area, registration status and stage (computed in the database), and their network.',
})
export class SectorMap {
  /** The validated filter, as the key of the per-request loaders that compute the fields. */
  scope: SectorScope;
}

export interface SectorScope {
  city?: string;
  province?: string;
  kinds?: string[];
  causeAreas?: string[];
  incubatorId?: string;
  illustrative?: boolean;
}
