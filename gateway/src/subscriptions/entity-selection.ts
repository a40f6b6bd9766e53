import { createHash } from 'node:crypto';
import {
  astFromValue,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  print,
  valueFromAST,
  type ArgumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Subscribers' selections of an event's entities in one shape that merges: every field is asked
 * under a canonical response key — its name, plus a hash of its argument values when it has any —
 * with variables replaced by their values, fragments inlined and @skip/@include applied. Two
 * selections of the same field with the same arguments then share a key, different arguments get
 * different keys, and any number of selections concatenate into one valid query; each subscriber's
 * result is projected back out of it with its own aliases (`projectCanonical`).
 */

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

function included(node: SelectionNode, variables: Record<string, unknown>): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/** The field's arguments with variables replaced by their values (as the schema coerces them), sorted by name. */
function literalArguments(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): ArgumentNode[] {
  const args: ArgumentNode[] = [];
  for (const argument of node.arguments ?? []) {
    const definition = field.args.find((a) => a.name === argument.name.value);
    if (!definition) continue;
    const value = valueFromAST(argument.value, definition.type, variables);
    const literal = value === undefined ? undefined : astFromValue(value, definition.type);
    if (literal) args.push({ kind: Kind.ARGUMENT, name: argument.name, value: literal });
  }
  return args.sort((a, b) => a.name.value.localeCompare(b.name.value));
}

/** The response key a field is fetched under: its name, and a hash of its argument values if it has any. */
export function canonicalKey(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): string {
  const args = literalArguments(field, node, variables);
  if (!args.length) return node.name.value;
  const text = args.map((a) => `${a.name.value}:${print(a.value)}`).join(',');
  return `${node.name.value}_a${createHash('sha1').update(text).digest('hex').slice(0, 12)}`;
}

function fieldOf(type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || (isAbstractType(type) && 'getFields' in type)
    ? (type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()[name]
    : undefined;
}

/** A selection set in canonical form (with `__typename` in every set, to resolve abstract types when projecting). */
export function canonicalSelections(
  set: SelectionSetNode | undefined,
  parent: GraphQLNamedType,
  schema: GraphQLSchema,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  keys?: Map<FieldNode, string>,
): SelectionNode[] {
  const out: SelectionNode[] = [TYPENAME];
  for (const selection of set?.selections ?? []) {
    if (!included(selection, variables)) continue;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === '__typename') continue;
      const field = fieldOf(parent, selection.name.value);
      if (!field) continue;
      const sub = selection.selectionSet
        ? canonicalSelections(selection.selectionSet, getNamedType(field.type), schema, fragments, variables, keys)
        : undefined;
      const key = canonicalKey(field, selection, variables);
      keys?.set(selection, key);
      out.push({
        kind: Kind.FIELD,
        alias: key === selection.name.value ? undefined : { kind: Kind.NAME, value: key },
        name: selection.name,
        arguments: literalArguments(field, selection, variables),
        selectionSet: sub && { kind: Kind.SELECTION_SET, selections: sub },
      });
    } else {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      const type = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
      if (!type) continue;
      out.push({
        kind: Kind.INLINE_FRAGMENT,
        typeCondition: fragment.typeCondition,
        selectionSet: { kind: Kind.SELECTION_SET, selections: canonicalSelections(fragment.selectionSet, type, schema, fragments, variables, keys) },
      });
    }
  }
  return out;
}

/**
 * Projects a subscription's result out of the event (keyed by the subscriber's response keys at
 * the event level) and its entities as fetched (keyed canonically below it). The context is the
 * subscription's canonical key of each field node, recorded when its entity query was built.
 */
export const projectCanonical: GraphQLFieldResolver<Record<string, unknown> | null, Map<FieldNode, string> | undefined> = (source, _args, keys, info) => {
  if (source == null) return null;
  // the subscription field and the event's own fields: as the subscriber named them
  if (info.path.prev?.prev === undefined) return source[info.path.key as string] ?? null;
  const node = info.fieldNodes[0]!;
  const key = keys?.get(node) ?? canonicalKey(info.parentType.getFields()[info.fieldName]!, node, info.variableValues);
  return source[key] ?? null;
};
