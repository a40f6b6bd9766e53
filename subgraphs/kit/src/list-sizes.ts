import { Directive } from 'type-graphql';
import { Kind, parse, visit, type DocumentNode, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';
import { DEFAULT_PAGE_SIZE } from './pagination';

/**
 * Demand control (federation 2.9 `@listSize`/`@cost`, the GraphQL cost convention): the gateway
 * prices an operation from how many items each list may return, declared here in the subgraphs.
 */

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/** `@listSize` of a cursor connection: `first` items (`assumedSize` when it is left out) in its `edges` and `nodes`. */
const connectionListSize = (assumedSize: number) =>
  `@listSize(assumedSize: ${assumedSize}, slicingArguments: ["first"], sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)`;

/**
 * Declares the size of every connection field of a subgraph's SDL: each field that returns a
 * connection type (one with `edges` and `nodes`) and takes `first` gets `@listSize` sized by
 * `first`, so no resolver has to remember it and a new list is priced the day it is added.
 */
export function withConnectionListSizes(document: DocumentNode): DocumentNode {
  const connections = new Set(
    document.definitions
      .filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION)
      .filter((d) => ['edges', 'nodes'].every((name) => d.fields?.some((f) => f.name.value === name)))
      .map((d) => d.name.value),
  );
  const directive = parseDirective(connectionListSize(DEFAULT_PAGE_SIZE));
  return visit(document, {
    FieldDefinition(field: FieldDefinitionNode) {
      if (!connections.has(namedType(field.type)) || !field.arguments?.some((a) => a.name.value === 'first')) return undefined;
      if (field.directives?.some((d) => d.name.value === 'listSize')) return undefined;
      return { ...field, directives: [...(field.directives ?? []), directive] };
    },
  });
}

function parseDirective(source: string) {
  const type = parse(`type T { f: Int ${source} }`).definitions[0] as ObjectTypeDefinitionNode;
  return type.fields![0].directives![0];
}

/**
 * How many items a plain list field (not a connection) returns at most, as `@listSize(assumedSize: n)`:
 * the gateway multiplies the cost of what is selected in it by `n`.
 */
export function ListSize(assumedSize: number): MethodDecorator & PropertyDecorator {
  return Directive(`@listSize(assumedSize: ${assumedSize}, requireOneSlicingArgument: false)`) as MethodDecorator & PropertyDecorator;
}

/**
 * A connection that holds a few items whatever the data (an incubator's programmes, a programme's
 * cohorts): priced at `assumedSize` when `first` is left out, instead of a full default page. With
 * `first`, it is priced by `first` like any connection.
 */
export function FewItems(assumedSize: number): MethodDecorator & PropertyDecorator {
  return Directive(connectionListSize(assumedSize)) as MethodDecorator & PropertyDecorator;
}
