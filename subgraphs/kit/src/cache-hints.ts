import { Kind, parse, visit, type DocumentNode, type FieldDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';
import { Directive } from 'type-graphql';

/**
 * How long the gateway's response cache may keep a subgraph's answer (`Cache-Control: max-age`),
 * for every field that declares nothing shorter. Changes reach the cache sooner: the gateway drops
 * what it cached on every event of the hub's event log and on every mutation it forwards.
 */
export const DEFAULT_CACHE_MAX_AGE_SECONDS = 60;

/**
 * How long the gateway's response cache may keep what a field returns, in seconds, declared in
 * the subgraphs with `@cacheControl` (Apollo Server's cache-control directive). The cache drops
 * answers on every event of the hub's event log anyway; a max-age bounds how stale an answer can be
 * after a change that writes no event (a seed, an import run from the command line, SQL).
 */
export const CACHE_MAX_AGE = {
  /** The public directory, which changes seldom: organizations, courses, funding programmes, published grants. */
  directory: 300,
  /** What a field declares nothing for: people's profiles, enrollments, lists for mirrors. */
  default: DEFAULT_CACHE_MAX_AGE_SECONDS,
  /** Job postings open and close by date as well as by edits. */
  talentMarket: 30,
  /** Counts and sums over many rows (the sector map, funding flows, `totalCount`, seats left): any change anywhere moves them. */
  aggregate: 10,
} as const;

export type CacheHint = { maxAge: number; scope?: 'PUBLIC' | 'PRIVATE' } | { inheritMaxAge: true; scope?: 'PUBLIC' | 'PRIVATE' };

/** The definition every subgraph's SDL carries; the enum stays out of the API like `AuthRule`. */
export const CACHE_CONTROL_DIRECTIVE_SDL = `
"""How long an answer selecting this field or type may be cached (seconds), and whether it may be shared between callers; read by each subgraph's cache-control plugin."""
directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION

"""Whether a cached answer may be shared between callers."""
enum CacheControlScope @inaccessible {
  """Any caller may be given it."""
  PUBLIC
  """Only the caller it was computed for."""
  PRIVATE
}
`;

function cacheControlSource(hint: CacheHint): string {
  const args = 'inheritMaxAge' in hint ? ['inheritMaxAge: true'] : [`maxAge: ${hint.maxAge}`];
  if (hint.scope) args.push(`scope: ${hint.scope}`);
  return `@cacheControl(${args.join(', ')})`;
}

/**
 * A cache hint on a type (every field returning it) or on a field. `scope: 'PRIVATE'` marks what is
 * about its caller by nature; a resolver that reads the caller is made private without it (see
 * cache-scope.ts), so nothing has to remember that.
 */
export function CacheControl(hint: CacheHint): ClassDecorator & MethodDecorator & PropertyDecorator {
  return Directive(cacheControlSource(hint)) as ClassDecorator & MethodDecorator & PropertyDecorator;
}

const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

function declares(node: { directives?: readonly { name: { value: string } }[] }, name: string): boolean {
  return node.directives?.some((d) => d.name.value === name) ?? false;
}

/** An entity this subgraph resolves (`@key` without `resolvable: false`): its hint must be declared, else the default applies. */
function resolvableEntity(type: ObjectTypeDefinitionNode): boolean {
  return (
    type.directives?.some(
      (d) => d.name.value === 'key' && !d.arguments?.some((a) => a.name.value === 'resolvable' && a.value.kind === Kind.BOOLEAN && !a.value.value),
    ) ?? false
  );
}

function parseDirective(source: string) {
  const type = parse(`type T { f: Int ${source} }`).definitions[0] as ObjectTypeDefinitionNode;
  return type.fields![0].directives![0];
}

/**
 * Completes a subgraph's cache hints, so that a type without a max-age of its own does not cap
 * every answer that reaches it at the default: value types, connections, edges and reference
 * stubs (every object type but the roots and the entities this subgraph resolves) inherit the
 * max-age of the field they hang from, and a connection's `totalCount` is an aggregate.
 * Entities and root fields keep Apollo's rule: what declares nothing gets the default max-age.
 */
export function withCacheHints(document: DocumentNode): DocumentNode {
  const inherit = parseDirective(cacheControlSource({ inheritMaxAge: true }));
  const aggregate = parseDirective(cacheControlSource({ maxAge: CACHE_MAX_AGE.aggregate }));
  return visit(document, {
    ObjectTypeDefinition(type: ObjectTypeDefinitionNode) {
      if (ROOTS.has(type.name.value)) return undefined;
      const connection = ['edges', 'nodes'].every((name) => type.fields?.some((f) => f.name.value === name));
      const fields = connection
        ? type.fields?.map((field): FieldDefinitionNode =>
            field.name.value === 'totalCount' && !declares(field, 'cacheControl') ? { ...field, directives: [...(field.directives ?? []), aggregate] } : field,
          )
        : type.fields;
      const directives = declares(type, 'cacheControl') || resolvableEntity(type) ? type.directives : [...(type.directives ?? []), inherit];
      return { ...type, fields, directives };
    },
  });
}
