import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { Directive, Extensions } from 'type-graphql';
import { auditedPeople, isAudited } from '../audit/audit-trail';
import type { HubContext } from '../context';
import { AuthRule } from './auth-rule';
import { allows, refusal, RULES_WITHOUT_SUBJECT, type AuthSubject } from './authorize';
import { isTrusted } from './identity';

/**
 * Finds what a field is about: from the parent row for an object's field, from the arguments for
 * a query or mutation. May load rows (through loaders for list fields).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SubjectOf = (source: any, args: any, ctx: HubContext) => AuthSubject | Promise<AuthSubject>;

/** What `@Auth` declares on a field: its rule, and how to find the subject the rule looks at. */
interface Guard {
  readonly rule: AuthRule;
  readonly subjectOf?: SubjectOf;
}

/** The key of a field's `extensions` under which `@Auth` leaves its guard for `withAuthGuards`. */
const GUARD = 'hubAuthGuard';

type Resolver = GraphQLFieldResolver<unknown, HubContext, unknown>;

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/**
 * Decides a guarded field once its subject is known, then resolves it; records the outcome for
 * each person an audited caller's access touched. Synchronous when the resolver is.
 */
function decide(
  guard: Guard,
  subject: AuthSubject | undefined,
  resolve: Resolver,
  root: unknown,
  args: unknown,
  context: HubContext,
  info: GraphQLResolveInfo,
): unknown {
  const { rule } = guard;
  const identity = context.identity;
  const field = `${info.parentType.name}.${info.fieldName}`;
  const action = info.parentType === info.schema.getMutationType() ? 'WRITE' : 'READ';
  const people = subject && isAudited(rule, identity) ? auditedPeople(rule, identity, subject, action) : [];
  if (!allows(rule, identity, subject)) {
    context.audit.record(people, action, 'DENIED', field);
    throw refusal(rule, identity, field);
  }
  if (people.length === 0) return resolve(root, args as Record<string, unknown>, context, info);
  let result: unknown;
  try {
    result = resolve(root, args as Record<string, unknown>, context, info);
  } catch (error) {
    context.audit.record(people, action, 'FAILED', field);
    throw error;
  }
  if (!isPromiseLike(result)) {
    context.audit.record(people, action, 'ALLOWED', field);
    return result;
  }
  return Promise.resolve(result).then(
    (value) => {
      context.audit.record(people, action, 'ALLOWED', field);
      return value;
    },
    (error: unknown) => {
      context.audit.record(people, action, 'FAILED', field);
      throw error;
    },
  );
}

/**
 * `resolve` behind `guard`. It adds no promise of its own: a field whose subject and resolver are
 * synchronous stays synchronous (type-graphql's middlewares made every guarded field of every row
 * a chain of async functions: bench/README.md).
 */
function guarded(guard: Guard, resolve: Resolver): Resolver {
  const { rule, subjectOf } = guard;
  const subjectMayMatter = subjectOf !== undefined && !RULES_WITHOUT_SUBJECT.has(rule);
  return (root, args, context, info) => {
    const identity = context.identity;
    // The subject is loaded unless the rule needs none or the caller passes every rule (and is not
    // audited: a hub admin's reads of personal data are recorded like anyone's); asking `allows`
    // without a subject would be wrong here: PROFILE passes a subject of unknown visibility.
    const subject = subjectMayMatter && (!isTrusted(identity) || isAudited(rule, identity)) ? subjectOf(root, args, context) : undefined;
    if (isPromiseLike(subject)) return subject.then((known) => decide(guard, known, resolve, root, args, context, info));
    return decide(guard, subject, resolve, root, args, context, info);
  };
}

/**
 * Puts each `@Auth` field's guard in front of its resolver in `resolvers` (type-graphql's
 * `createResolversMap` of `schema`): fields without a resolver of their own read their parent's
 * property, as GraphQL's default resolver does. Run once when the schema is built.
 */
export function withAuthGuards(schema: GraphQLSchema, resolvers: Record<string, Record<string, unknown>>): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const guard = field.extensions[GUARD] as Guard | undefined;
      const declared = field.astNode?.directives?.some((directive) => directive.name.value === 'auth') ?? false;
      // the SDL's `@auth` and the guard come from one decorator: a field with one and not the other would say one rule and enforce none
      if (declared !== (guard !== undefined)) throw new Error(`${type.name}.${field.name} declares @auth without its guard, or the reverse`);
      if (!guard) continue;
      const typeResolvers = (resolvers[type.name] ??= {});
      const resolve = typeResolvers[field.name] ?? defaultFieldResolver;
      if (typeof resolve !== 'function') throw new Error(`@Auth on ${type.name}.${field.name}: only fields resolved by a function can be guarded`);
      typeResolvers[field.name] = guarded(guard, resolve as Resolver);
    }
  }
}

/**
 * The hub's one authorization mechanism: declares `@auth(requires: RULE)` on the field in the
 * SDL (so the schema says who may see or do what) and enforces that same rule when the field is
 * resolved (`withAuthGuards`, applied by `buildFederatedSchema`). Rules about a person or an
 * organization need `subjectOf`.
 */
export function Auth(rule: AuthRule, subjectOf?: SubjectOf): MethodDecorator & PropertyDecorator {
  if (!RULES_WITHOUT_SUBJECT.has(rule) && !subjectOf) throw new Error(`@Auth(${rule}) needs a subjectOf: the person or organizations it is about`);
  const directive = Directive(`@auth(requires: ${rule})`);
  const guard: Guard = { rule, subjectOf };
  const extensions = Extensions({ [GUARD]: guard });
  return ((target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    (directive as (t: object, k: string | symbol, d?: PropertyDescriptor) => void)(target, key, descriptor);
    (extensions as (t: object, k: string | symbol, d?: PropertyDescriptor) => void)(target, key, descriptor);
  }) as MethodDecorator & PropertyDecorator;
}
