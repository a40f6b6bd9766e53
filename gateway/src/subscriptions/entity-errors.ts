import { getLocation, Kind, type FieldNode, type GraphQLFormattedError, type SelectionNode } from 'graphql';
import { refOfRoot } from './entity-query';
import type { SubscriptionPlan } from './subscription-plan';

type PathSegment = string | number;

interface Walked {
  path: PathSegment[];
  /** The subscriber's field node the path ends at. */
  node: FieldNode;
  complete: boolean;
}

/** The field nodes of selections, through inline fragments and fragment spreads. */
function fieldsOf(selections: readonly SelectionNode[], plan: SubscriptionPlan, into: FieldNode[] = []): FieldNode[] {
  for (const selection of selections) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? plan.fragments.get(selection.name.value) : selection;
      if (fragment) fieldsOf(fragment.selectionSet.selections, plan, into);
    }
  }
  return into;
}

/**
 * Follows a fetched path (canonical keys, list indices) down the subscriber's own selection of
 * one entity: at each step, the subscriber's fields whose canonical key is the segment, under
 * their own response key (several fields of one response key merge, as in execution).
 */
function walk(
  segments: readonly PathSegment[],
  nodes: readonly FieldNode[],
  path: PathSegment[],
  plan: SubscriptionPlan,
  keys: ReadonlyMap<FieldNode, string>,
): Walked[] {
  const [segment, ...rest] = segments;
  if (segment === undefined) return [{ path, node: nodes[0]!, complete: true }];
  if (typeof segment === 'number') return walk(rest, nodes, [...path, segment], plan, keys);
  const byResponseKey = new Map<string, FieldNode[]>();
  for (const field of fieldsOf(
    nodes.flatMap((n) => n.selectionSet?.selections ?? []),
    plan,
  )) {
    if (keys.get(field) !== segment) continue;
    const responseKey = field.alias?.value ?? field.name.value;
    byResponseKey.set(responseKey, [...(byResponseKey.get(responseKey) ?? []), field]);
  }
  if (!byResponseKey.size) return [{ path, node: nodes[0]!, complete: false }];
  return [...byResponseKey].flatMap(([responseKey, fields]) => walk(rest, fields, [...path, responseKey], plan, keys));
}

/**
 * An error of the fetch of an event's entities, as the subscriber's own execution would have
 * raised it: its path in the subscriber's names (the subscription's response key, the event
 * field's alias, the entity fields' aliases) instead of the fetch's internal ones (the ref's root,
 * canonical keys), and its location in the subscriber's document. A field the subscriber selects
 * under several aliases gets one error per alias; a path it selects none of (a ref it did not
 * select) ends where its selection does.
 */
export function subscriberErrors(error: GraphQLFormattedError, plan: SubscriptionPlan, keys: ReadonlyMap<FieldNode, string>): GraphQLFormattedError[] {
  const ref = error.path?.length ? refOfRoot(error.path[0]!) : undefined;
  if (ref === undefined) return [error];
  const walked = plan.selected
    .filter((selected) => selected.lookup && selected.node.name.value === ref)
    .flatMap((selected) => walk(error.path!.slice(1), [selected.node], [plan.responseKey, selected.responseKey], plan, keys));
  const complete = walked.filter((w) => w.complete);
  const chosen = complete.length ? complete : walked.sort((a, b) => b.path.length - a.path.length).slice(0, 1);
  if (!chosen.length) return [{ ...withoutLocations(error), path: [plan.responseKey] }];
  return chosen.map(({ path, node }) => {
    const located = withoutLocations(error);
    return error.locations && node.loc ? { ...located, path, locations: [getLocation(node.loc.source, node.loc.start)] } : { ...located, path };
  });
}

function withoutLocations(error: GraphQLFormattedError): GraphQLFormattedError {
  const { locations, ...rest } = error;
  return rest;
}
