import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
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

/** What one resolution of a guarded field is: its parent, arguments, context and info, as GraphQL passes them. */
type Call = Parameters<Resolver>;

/**
 * Decides a guarded field once its subject is known, then resolves it; records the outcome for
 * each person an audited caller's access touched. Synchronous when the resolver is. The field's
 * name and the action are worked out only for a refusal or an audit record: a field allowed
 * without one (most fields of most rows) costs the rule's check and nothing else.
 */
function decide(rule: AuthRule, subject: AuthSubject | undefined, audited: boolean, resolve: Resolver, call: Call): unknown {
  const [, , context, info] = call;
  const identity = context.identity;
  const allowed = allows(rule, identity, subject);
  if (allowed && !(audited && subject)) return resolve(...call);
  const field = `${info.parentType.name}.${info.fieldName}`;
  const action = info.parentType === info.schema.getMutationType() ? 'WRITE' : 'READ';
  const people = audited && subject ? auditedPeople(rule, identity, subject, action) : [];
  if (!allowed) {
    context.audit.record(people, action, 'DENIED', field);
    throw refusal(rule, identity, field);
  }
  if (people.length === 0) return resolve(...call);
  let result: unknown;
  try {
    result = resolve(...call);
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
function guarded({ rule, subjectOf }: Guard, resolve: Resolver): Resolver {
  const subjectMayMatter = subjectOf !== undefined && !RULES_WITHOUT_SUBJECT.has(rule);
  return (...call) => {
    const [root, args, context] = call;
    const audited = isAudited(rule, context.identity);
    // The subject is loaded unless the rule needs none or the caller passes every rule (and is not
    // audited: a hub admin's reads of personal data are recorded like anyone's); asking `allows`
    // without a subject would be wrong here: PROFILE passes a subject of unknown visibility.
    const subject = subjectMayMatter && (audited || !isTrusted(context.identity)) ? subjectOf(root, args, context) : undefined;
    if (isPromiseLike(subject)) return subject.then((known) => decide(rule, known, audited, resolve, call));
    return decide(rule, subject, audited, resolve, call);
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
