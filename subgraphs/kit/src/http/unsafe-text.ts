import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode, type ValueNode } from 'graphql';
import { ErrorCode } from '../errors';

/** A NUL (PostgreSQL text cannot hold it) or a UTF-16 surrogate without its pair (not a Unicode character). */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern looks for
const UNSAFE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** ES2024's native check (Node 20 has it; the project's TypeScript lib is ES2023). */
const isWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed!;

/** What is wrong with `text`, or undefined when it is text the hub can store. */
export function unsafeTextReason(text: string): string | undefined {
  // the native checks first: every string of every request passes here, and almost all are fine
  if (!text.includes('\u0000') && isWellFormed.call(text)) return undefined;
  const match = UNSAFE.exec(text);
  if (!match) return undefined;
  const code = match[0].charCodeAt(0);
  return code === 0 ? 'a NUL character (U+0000)' : `a lone UTF-16 surrogate (U+${code.toString(16).toUpperCase()})`;
}

export interface UnsafeText {
  /** Where the text is: an argument's path (`filter.search`) or a variable's (`$input.tags[1]`). */
  field: string;
  reason: string;
}

function inLiteral(node: ValueNode, path: string): UnsafeText | undefined {
  switch (node.kind) {
    case Kind.STRING: {
      const reason = unsafeTextReason(node.value);
      return reason ? { field: path, reason } : undefined;
    }
    case Kind.LIST:
      for (const [index, value] of node.values.entries()) {
        const found = inLiteral(value, `${path}[${index}]`);
        if (found) return found;
      }
      return undefined;
    case Kind.OBJECT:
      for (const field of node.fields) {
        const found = inLiteral(field.value, `${path}.${field.name.value}`);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}

function inValue(value: unknown, path: string): UnsafeText | undefined {
  if (typeof value === 'string') {
    const reason = unsafeTextReason(value);
    return reason ? { field: path, reason } : undefined;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = inValue(item, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = inValue(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The first text in an operation that the hub cannot store: in inline arguments (of fields and
 * directives, nested input objects and lists included), in variables' defaults, and in the
 * variables sent. Every string scalar and filter of every subgraph arrives through one of these.
 */
export function findUnsafeText(document: DocumentNode, variables: Record<string, unknown> | undefined): UnsafeText | undefined {
  let found: UnsafeText | undefined;
  visit(document, {
    Argument(node) {
      found ??= inLiteral(node.value, node.name.value);
    },
    VariableDefinition(node) {
      if (node.defaultValue) found ??= inLiteral(node.defaultValue, `$${node.variable.name.value}`);
    },
  });
  if (found) return found;
  for (const [name, value] of Object.entries(variables ?? {})) {
    found = inValue(value, `$${name}`);
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses an operation that carries a NUL or a lone surrogate anywhere in its text values with
 * BAD_USER_INPUT (HTTP 400), before anything is planned or resolved: such text would reach
 * PostgreSQL as a driver error, or be stored mangled.
 */
export function unsafeTextGuard<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const unsafe = findUnsafeText(document, request.variables);
          if (!unsafe) return;
          throw new GraphQLError(`${unsafe.field} contains ${unsafe.reason}, which is not allowed in text`, {
            extensions: { code: ErrorCode.BAD_USER_INPUT, field: unsafe.field, http: { status: 400 } },
          });
        },
      };
    },
  };
}
