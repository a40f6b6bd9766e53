import { Kind, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** How much validation work one document may ask for. */
export interface WorkLimits {
  /** Selections (fields, fragment spreads, inline fragments), counting a fragment's again at each spread of it. */
  maxSelections: number;
  /** Pairs of fields with the same response name at the same place of the response. */
  maxFieldPairs: number;
}

/** What `measureWork` counted; `exceeded` names the first limit passed (counting stopped there). */
export interface OperationWork {
  selections: number;
  fieldPairs: number;
  /** The most aliases of one operation: every alias (`__typename`'s too), a fragment's again at each spread. */
  aliases: number;
  /** The most directives of one operation: its own, its selections', and at each spread the spread's and the fragment's again. */
  directives: number;
  exceeded?: 'selections' | 'fieldPairs';
}

class Exceeded extends Error {}

/**
 * The work graphql-js's validation will do on a document, counted in one pass that stops as soon
 * as a limit is passed, so it costs at most the limits however the document is built: every
 * selection, with fragments expanded at each spread (`selections`), and the pairs of fields that answer
 * to the same name at the same place (`fieldPairs`), which the overlapping-fields rule compares
 * with each other, quadratically (495 copies of one field cost 1.5 s of CPU). Fragment
 * definitions are counted on their own too, as validation visits them whether spread or not.
 * On the way it counts each operation's aliases and directives the same way, for their limits.
 */
export function measureWork(document: DocumentNode, limits: WorkLimits): OperationWork {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const work: OperationWork = { selections: 0, fieldPairs: 0, aliases: 0, directives: 0 };
  /** The operation being counted: its aliases and directives (undefined for a fragment definition on its own). */
  let operation: { aliases: number; directives: number } | undefined;
  /** Per place of the response (`<parent place>:<response name>`), its id and the fields seen there. */
  const places = new Map<string, { id: number; fields: number }>();
  const spreading = new Set<string>();

  const visit = (set: SelectionSetNode, place: number): void => {
    for (const selection of set.selections) {
      work.selections += 1;
      if (work.selections > limits.maxSelections) throw new Exceeded('selections');
      if (operation) {
        operation.directives += selection.directives?.length ?? 0;
        if (selection.kind === Kind.FIELD && selection.alias) operation.aliases += 1;
      }
      if (selection.kind === Kind.FIELD) {
        const at = `${place}:${(selection.alias ?? selection.name).value}`;
        let seen = places.get(at);
        if (!seen) places.set(at, (seen = { id: places.size + 1, fields: 0 }));
        work.fieldPairs += seen.fields;
        seen.fields += 1;
        if (work.fieldPairs > limits.maxFieldPairs) throw new Exceeded('fieldPairs');
        if (selection.selectionSet) visit(selection.selectionSet, seen.id);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, place);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // an unknown or cyclic spread is validation's to refuse
        if (!fragment || spreading.has(name)) continue;
        spreading.add(name);
        if (operation) operation.directives += fragment.directives?.length ?? 0;
        visit(fragment.selectionSet, place);
        spreading.delete(name);
      }
    }
  };

  const count = (definition: DefinitionNode, index: number) => {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      operation = { aliases: 0, directives: definition.directives?.length ?? 0 };
      for (const variable of definition.variableDefinitions ?? []) operation.directives += variable.directives?.length ?? 0;
      try {
        visit(definition.selectionSet, -1 - index);
      } finally {
        work.aliases = Math.max(work.aliases, operation.aliases);
        work.directives = Math.max(work.directives, operation.directives);
        operation = undefined;
      }
    } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      visit(definition.selectionSet, -1 - index);
    }
  };
  try {
    document.definitions.forEach(count);
  } catch (error) {
    if (!(error instanceof Exceeded)) throw error;
    work.exceeded = error.message as OperationWork['exceeded'];
  }
  return work;
}
