import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import type { LimitsConfig } from './limits-config';
import { measureWork, type OperationWork } from './operation-work';

const counted = new WeakMap<object, OperationWork>();

/**
 * MAX_ALIASES and MAX_DIRECTIVES, with every alias and directive counted (`__typename` aliases
 * too; a fragment's again at each spread, with the spread's own directives), where GraphQL Armor
 * let `__typename` aliases and directives on a repeated spread through. The counting is
 * `measureWork`'s one pass (bounded by MAX_SELECTIONS), shared by both rules.
 */
export function aliasAndDirectiveLimits(config: LimitsConfig): ValidationRule[] {
  const countOf = (context: ValidationContext): OperationWork => {
    const document = context.getDocument();
    let work = counted.get(document);
    if (!work) counted.set(document, (work = measureWork(document, config.work.authenticated)));
    return work;
  };
  const rule =
    (limit: 'aliases' | 'directives', max: number, name: string): ValidationRule =>
    (context) => ({
      Document() {
        const found = countOf(context)[limit];
        if (found > max) context.reportError(new GraphQLError(`${name} limit of ${max} exceeded, found ${found}.`, { extensions: { limit } }));
      },
    });
  return [rule('aliases', config.maxAliases, 'Aliases'), rule('directives', config.maxDirectives, 'Directives')];
}
