import {
  getNamedType,
  GraphQLError,
  isCompositeType,
  isListType,
  getNullableType,
  Kind,
  parse,
  valueFromASTUntyped,
  type DirectiveNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * Demand control: what an operation may cost, computed from the list sizes the subgraphs declare
 * (`@listSize` and `@cost` of federation 2.9, the GraphQL cost convention) instead of a flat
 * number per field. An object costs 1 (or its `@cost`), a scalar or enum 0; a list multiplies what
 * is selected in it by its size: the `first` it is asked for when it slices by `first` (edges and
 * nodes of a connection), else its `assumedSize`, else `DEFAULT_LIST_SIZE`. A mutation field costs
 * 10 more: it writes.
 */

export const DEFAULT_LIST_SIZE = 10;
const MUTATION_WEIGHT = 10;

interface ListSize {
  assumedSize?: number;
  slicingArguments: string[];
  sizedFields: string[];
}

/** The `@cost` and `@listSize` declarations of a supergraph, by `Type` and `Type.field`. */
export class CostDeclarations {
  constructor(
    readonly weights: ReadonlyMap<string, number> = new Map(),
    readonly listSizes: ReadonlyMap<string, ListSize> = new Map(),
  ) {}

  /** Reads them from a supergraph's SDL (composition keeps them under the cost spec's names). */
  static fromSupergraph(sdl: string): CostDeclarations {
    const weights = new Map<string, number>();
    const listSizes = new Map<string, ListSize>();
    const argument = (directive: DirectiveNode, name: string): unknown => {
      const arg = directive.arguments?.find((a) => a.name.value === name);
      return arg ? valueFromASTUntyped(arg.value) : undefined;
    };
    for (const definition of parse(sdl).definitions) {
      if (!('name' in definition) || !definition.name || !('directives' in definition)) continue;
      const typeName = definition.name.value;
      for (const directive of definition.directives ?? []) {
        if (directive.name.value === 'cost') weights.set(typeName, Number(argument(directive, 'weight')));
      }
      if (!('fields' in definition) || !definition.fields) continue;
      for (const field of definition.fields) {
        const key = `${typeName}.${field.name.value}`;
        for (const directive of field.directives ?? []) {
          if (directive.name.value === 'cost') weights.set(key, Number(argument(directive, 'weight')));
          if (directive.name.value === 'listSize') {
            const assumed = argument(directive, 'assumedSize');
            listSizes.set(key, {
              assumedSize: typeof assumed === 'number' ? assumed : undefined,
              slicingArguments: (argument(directive, 'slicingArguments') as string[] | undefined) ?? [],
              sizedFields: (argument(directive, 'sizedFields') as string[] | undefined) ?? [],
            });
          }
        }
      }
    }
    return new CostDeclarations(weights, listSizes);
  }
}

/**
 * The declarations the cost rule prices with: replaced whenever the gateway loads a supergraph,
 * so a reloaded supergraph's new lists are priced by their own sizes.
 */
export class CostModel {
  private current: CostDeclarations;

  constructor(declarations = new CostDeclarations()) {
    this.current = declarations;
  }

  get declarations(): CostDeclarations {
    return this.current;
  }

  load(supergraphSdl: string): void {
    this.current = CostDeclarations.fromSupergraph(supergraphSdl);
  }
}

/** The cost of one operation of `document` (validated against `schema`), with `variables` when they are known. */
export function operationCost(
  schema: GraphQLSchema,
  declarations: CostDeclarations,
  fragments: Record<string, FragmentDefinitionNode>,
  operation: { operation: string; selectionSet: SelectionSetNode },
  variables: Record<string, unknown> = {},
  variableDefaults: Record<string, unknown> = {},
): number {
  const rootType =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!rootType) return 0;
  const intValue = (node: import('graphql').ValueNode): number | undefined => {
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.VARIABLE) {
      const name = node.name.value;
      const value = name in variables ? variables[name] : variableDefaults[name];
      return Number.isSafeInteger(value) ? (value as number) : undefined;
    }
    return undefined;
  };

  const selectionCost = (
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType,
    sized: { fields: string[]; size: number } | undefined,
    visiting: Set<string>,
  ): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent, sized, visiting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? parent) : parent;
        total += selectionCost(selection.selectionSet, type, sized, visiting);
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || visiting.has(name)) continue; // unknown or cyclic: graphql's own rules report it
        visiting.add(name);
        total += selectionCost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? parent, sized, visiting);
        visiting.delete(name);
      }
    }
    return total;
  };

  const fieldCost = (
    node: import('graphql').FieldNode,
    parent: GraphQLNamedType,
    sized: { fields: string[]; size: number } | undefined,
    visiting: Set<string>,
  ): number => {
    if (!('getFields' in parent)) return 0;
    const field = (parent.getFields() as Record<string, GraphQLField<unknown, unknown>>)[node.name.value];
    if (!field) return 0; // __typename, or unknown: graphql's own rules report it
    const key = `${parent.name}.${field.name}`;
    const named = getNamedType(field.type);
    const composite = isCompositeType(named);
    let weight = declarations.weights.get(key) ?? declarations.weights.get(named.name) ?? (composite ? 1 : 0);
    if (parent === schema.getMutationType()) weight += MUTATION_WEIGHT;
    const listSize = declarations.listSizes.get(key);
    // a connection's size applies to its sized fields (edges, nodes), not to the connection itself
    let childSized: { fields: string[]; size: number } | undefined;
    let size = 1;
    if (listSize?.sizedFields.length) {
      childSized = { fields: listSize.sizedFields, size: sizeOf(node, listSize) };
    } else if (isListType(getNullableType(field.type))) {
      size = sized?.fields.includes(field.name) ? sized.size : listSize ? sizeOf(node, listSize) : DEFAULT_LIST_SIZE;
    }
    const children = node.selectionSet && composite ? selectionCost(node.selectionSet, named, childSized, visiting) : 0;
    return size * (weight + children);
  };

  const sizeOf = (node: import('graphql').FieldNode, listSize: ListSize): number => {
    const sliced = listSize.slicingArguments
      .map((name) => node.arguments?.find((a) => a.name.value === name))
      .map((arg) => (arg ? intValue(arg.value) : undefined))
      .filter((n): n is number => n !== undefined);
    if (sliced.length) return Math.max(0, ...sliced);
    return listSize.assumedSize ?? DEFAULT_LIST_SIZE;
  };

  return selectionCost(operation.selectionSet, rootType, undefined, new Set());
}

/**
 * The cost limit as a validation rule: each operation's cost (`operationCost`), refused above
 * `maxCost` with the limit's error. Variables are not known while validating: a `first: $n`
 * counts its default or the list's assumed size here, and the variable-list-sizes plugin checks
 * again with the values written in.
 */
export function costLimitRule(model: CostModel, maxCost: number, report: (context: ValidationContext, error: GraphQLError) => void): ValidationRule {
  return (context) => {
    const document = context.getDocument();
    const fragments = Object.fromEntries(
      document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
    );
    return {
      OperationDefinition(operation) {
        const defaults = Object.fromEntries(
          (operation.variableDefinitions ?? []).filter((d) => d.defaultValue).map((d) => [d.variable.name.value, valueFromASTUntyped(d.defaultValue!)]),
        );
        const cost = operationCost(context.getSchema(), model.declarations, fragments, operation, {}, defaults);
        if (cost > maxCost) report(context, new GraphQLError(`Query Cost limit of ${maxCost} exceeded, found ${cost}.`, { nodes: [operation] }));
        return false;
      },
    };
  };
}
