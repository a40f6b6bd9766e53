import { Directive, UseMiddleware, type MiddlewareFn } from 'type-graphql';
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

function enforce(rule: AuthRule, subjectOf?: SubjectOf): MiddlewareFn<HubContext> {
  return async ({ root, args, context, info }, next) => {
    const identity = context.identity;
    const audited = isAudited(rule, identity);
    // The subject is loaded unless the rule needs none or the caller passes every rule (and is not
    // audited: a hub admin's reads of personal data are recorded like anyone's); asking `allows`
    // without a subject would be wrong here: PROFILE passes a subject of unknown visibility.
    const needsSubject = subjectOf && !RULES_WITHOUT_SUBJECT.has(rule) && (!isTrusted(identity) || audited);
    const subject = needsSubject ? await subjectOf(root, args, context) : undefined;
    const field = `${info.parentType.name}.${info.fieldName}`;
    const action = info.parentType === info.schema.getMutationType() ? 'WRITE' : 'READ';
    const people = audited && subject ? auditedPeople(rule, identity, subject, action) : [];
    if (!allows(rule, identity, subject)) {
      context.audit.record(people, action, 'DENIED', field);
      throw refusal(rule, identity, field);
    }
    if (people.length === 0) return next();
    try {
      const result: unknown = await next();
      context.audit.record(people, action, 'ALLOWED', field);
      return result;
    } catch (error) {
      context.audit.record(people, action, 'FAILED', field);
      throw error;
    }
  };
}

/**
 * The hub's one authorization mechanism: declares `@auth(requires: RULE)` on the field in the
 * SDL (so the schema says who may see or do what) and enforces that same rule when the field is
 * resolved. Rules about a person or an organization need `subjectOf`.
 */
export function Auth(rule: AuthRule, subjectOf?: SubjectOf): MethodDecorator & PropertyDecorator {
  if (!RULES_WITHOUT_SUBJECT.has(rule) && !subjectOf) throw new Error(`@Auth(${rule}) needs a subjectOf: the person or organizations it is about`);
  const directive = Directive(`@auth(requires: ${rule})`);
  const middleware = UseMiddleware(enforce(rule, subjectOf));
  return ((target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    (directive as (t: object, k: string | symbol, d?: PropertyDescriptor) => void)(target, key, descriptor);
    (middleware as (t: object, k: string | symbol, d?: PropertyDescriptor) => void)(target, key, descriptor);
  }) as MethodDecorator & PropertyDecorator;
}
