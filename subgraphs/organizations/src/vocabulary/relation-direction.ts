import { registerEnumType } from 'type-graphql';

/** Which way a relation points, seen from one organization. */
export enum RelationDirection {
  OUTGOING = 'OUTGOING',
  INCOMING = 'INCOMING',
  BOTH = 'BOTH',
}
registerEnumType(RelationDirection, {
  name: 'RelationDirection',
  description: 'Which way a relation points, seen from the organization whose relations are listed.',
  valuesConfig: {
    OUTGOING: { description: "The organization is the relation's `from` (e.g. it is SUPERVISED_BY the other)." },
    INCOMING: { description: "The organization is the relation's `to` (e.g. it supervises the other)." },
    BOTH: { description: 'Either way; only as an argument, an edge is always OUTGOING or INCOMING.' },
  },
});
