import { EVENT_ENTITIES, SUBSCRIPTION_CONTRACTS, type SubscriptionContract } from '@ngo-hub/kit/common';
import { compileFilter, type EventPredicate } from './event-filter';
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLObjectType,
  GraphQLSkipDirective,
  Kind,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import { parseEventId } from './resume-point';

/** A field of the event type as the subscriber selected it. */
export interface SelectedField {
  responseKey: string;
  node: FieldNode;
  /** For an entity field (e.g. `grant`): the root query that fetches it by id (`grant(id:)`). */
  lookup?: string;
}

/** The argument of a subscription field that is not a filter: where to resume. */
export const RESUME_ARGUMENT = 'since';

/**
 * What the gateway needs to serve one subscription: which topics feed it, how to filter them,
 * the event type's selected fields, and the pieces to build the query that resolves an event's
 * entities through the federated graph with the subscriber's own selection.
 */
export interface SubscriptionPlan {
  operationName?: string;
  field: string;
  responseKey: string;
  /** The field's contract (kit events/hub-topics.ts): its topics, filter rules and entity refs. */
  contract: SubscriptionContract;
  topics: readonly string[];
  filter: Record<string, unknown>;
  /** The filter's test of an event, compiled once: every event is offered to every subscriber. */
  passes: EventPredicate;
  since?: string;
  selected: SelectedField[];
  fragments: Map<string, FragmentDefinitionNode>;
  variableDefinitions: readonly VariableDefinitionNode[];
  variables: Record<string, unknown>;
}

function included(node: FieldNode | { directives?: FieldNode['directives'] }, variables: Record<string, unknown>): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node as FieldNode, variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node as FieldNode, variables);
  return include?.if !== false;
}

/** The fields of a selection set on an object type, through fragments, honouring @skip/@include. */
export function collectFields(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  into = new Map<string, FieldNode[]>(),
): Map<string, FieldNode[]> {
  for (const selection of selectionSet.selections) {
    if (!included(selection as FieldNode, variables)) continue;
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      into.set(key, [...(into.get(key) ?? []), selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectFields(selection.selectionSet, fragments, variables, into);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment) collectFields(fragment.selectionSet, fragments, variables, into);
    }
  }
  return into;
}

/** The root query that fetches the entity a ref of the contract names (`grant` → `grant(id:)`). */
export function lookupOf(contract: SubscriptionContract, ref: string): string | undefined {
  return Object.hasOwn(contract.refs, ref) ? EVENT_ENTITIES[contract.refs[ref]!].lookup : undefined;
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

const DECIMAL = /^-?\d{1,20}(\.\d{1,10})?$/;

function checkFilter(contract: SubscriptionContract, filter: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(filter)) {
    if (contract.filter[key]?.compare !== 'atLeast' || value == null) continue;
    const amount = typeof value === 'object' ? (value as { amount?: unknown }).amount : value;
    if (typeof amount !== 'string' || !DECIMAL.test(amount)) throw badInput(`filter.${key}: "${String(amount)}" is not a decimal amount such as "1000.00"`);
  }
}

/** Analyses a validated subscription operation against the API schema; throws GraphQL errors for what cannot be served. */
export function planSubscription(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): SubscriptionPlan {
  const subscriptionType = schema.getSubscriptionType();
  if (!subscriptionType) throw new GraphQLError('This graph has no subscriptions.', { extensions: { code: 'BAD_REQUEST' } });
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const [first] = [...collectFields(operation.selectionSet, fragments, variables)];
  const [responseKey, [node] = []] = first ?? [];
  if (!node || !responseKey) throw badInput('A subscription selects exactly one field.');
  const field = node.name.value;
  const definition = subscriptionType.getFields()[field] as GraphQLField<unknown, unknown> | undefined;
  const contract = Object.hasOwn(SUBSCRIPTION_CONTRACTS, field) ? SUBSCRIPTION_CONTRACTS[field] : undefined;
  if (!definition || !contract) throw badInput(`Subscription.${field} is not served by this gateway.`);
  const args = getArgumentValues(definition, node, variables);
  const { [RESUME_ARGUMENT]: since, filter, ...direct } = args as { since?: string; filter?: Record<string, unknown> };
  const flatFilter = { ...(filter ?? {}), ...direct };
  checkFilter(contract, flatFilter);
  if (since != null) parseEventId(since, 'since');

  const eventType = getNamedType(definition.type);
  if (!(eventType instanceof GraphQLObjectType) || !node.selectionSet) throw badInput(`Subscription.${field} must select fields of its event.`);
  const queryFields = schema.getQueryType()!.getFields();
  const selected: SelectedField[] = [];
  for (const [key, nodes] of collectFields(node.selectionSet, fragments, variables)) {
    const lookupName = lookupOf(contract, nodes[0]!.name.value);
    const lookup = lookupName && queryFields[lookupName]?.args.some((arg) => arg.name === 'id') ? lookupName : undefined;
    // several nodes under one response key (e.g. from fragments) merge into one selection
    const merged: FieldNode =
      nodes.length === 1
        ? nodes[0]!
        : {
            ...nodes[0]!,
            selectionSet: nodes[0]!.selectionSet && { kind: Kind.SELECTION_SET, selections: nodes.flatMap((n) => n.selectionSet?.selections ?? []) },
          };
    selected.push({ responseKey: key, node: merged, lookup });
  }
  return {
    operationName: operation.name?.value,
    field,
    responseKey,
    contract,
    topics: contract.topics,
    filter: flatFilter,
    passes: compileFilter(contract.filter, flatFilter),
    since: since ?? undefined,
    selected,
    fragments,
    variableDefinitions: operation.variableDefinitions ?? [],
    variables,
  };
}

/** Names of the variables and fragments a node uses (transitively through fragments). */
export function usedNames(
  nodes: readonly (FieldNode | SelectionSetNode)[],
  fragments: Map<string, FragmentDefinitionNode>,
): { variables: Set<string>; fragments: Set<string> } {
  const variables = new Set<string>();
  const used = new Set<string>();
  const pending = [...nodes];
  while (pending.length) {
    visit(pending.pop()!, {
      Variable: (v) => void variables.add(v.name.value),
      FragmentSpread: (spread) => {
        const name = spread.name.value;
        if (!used.has(name) && fragments.has(name)) {
          used.add(name);
          pending.push(fragments.get(name)!.selectionSet);
        }
      },
    });
  }
  return { variables, fragments: used };
}
