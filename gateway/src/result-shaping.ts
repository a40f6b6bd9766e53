import {
  ERRORS,
  Variable,
  isCompositeType,
  isCustomScalarType,
  isObjectType,
  isSubtype,
  isValidLeafValue,
  type CompositeType,
  type EnumType,
  type FieldSelection,
  type Operation,
  type ScalarType,
  type Schema,
  type Selection,
  type SelectionSet,
  type Type,
} from '@apollo/federation-internals';
import type { GraphQLError } from 'graphql';

/**
 * The last step of @apollo/gateway's execution, `computeResponse`: the answer, built from the
 * subgraphs' merged data by the client's operation (only the fields asked, under their aliases,
 * in the operation's order; `null` bubbled up to the nearest nullable field, with an error, where a
 * subgraph left a non-null field empty or gave a value its type does not allow).
 *
 * @apollo/gateway's own walk re-reads the operation at every object of the answer (directives,
 * field definitions, response names through getters), allocates a result object per value, and
 * builds every object of the answer with `Object.create(null)`, which V8 keeps in dictionary mode:
 * slow to fill and sent through `JSON.stringify`'s slow path. On the sector dashboard it was a
 * quarter of the gateway's CPU (bench/README.md, issue 20).
 *
 * This walk gives the same answer and the same errors (`result-shaping.test.ts` compares both on
 * every shape of operation and data it can build) and reads the operation once per selection set
 * per request: what to skip (`@skip`/`@include` with this request's variables), each field's
 * response name, type and kind. Objects are plain; an operation with a response name that a plain
 * object already answers (`__proto__`, `constructor`, `toString`…) is shaped by @apollo/gateway's
 * own walk.
 */
export type ComputeResponse = (args: {
  operation: Operation;
  variables?: Record<string, unknown>;
  input: Record<string, unknown> | null | undefined;
  introspectionHandling: (introspectionSelection: FieldSelection) => unknown;
}) => { data: Record<string, unknown> | null | undefined; errors: GraphQLError[] };

interface ResultShapingModule {
  computeResponse: ComputeResponse;
}

/** @apollo/gateway's module, whose `computeResponse` its executor looks up at every call. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module object itself, not an ES namespace copy of it
const shapingModule = require('@apollo/gateway/dist/resultShaping') as ResultShapingModule;

/** @apollo/gateway's own `computeResponse`: for the operations this walk leaves to it, and for tests. */
export const apolloComputeResponse: ComputeResponse = shapingModule.computeResponse;

/** Makes @apollo/gateway shape every answer with `computeResponse` below. Idempotent. */
export function installResultShaping(): void {
  if (typeof apolloComputeResponse !== 'function')
    throw new Error('@apollo/gateway no longer has resultShaping.computeResponse: see gateway/src/result-shaping.ts');
  shapingModule.computeResponse = computeResponse;
}

export const computeResponse: ComputeResponse = (args) => {
  const { operation, variables, input, introspectionHandling } = args;
  if (!input) return { data: input, errors: [] };
  const schema = operation.schema();
  const shaper = new Shaper(schema, { __proto__: null, ...operation.collectDefaultedVariableValues(), ...variables }, introspectionHandling);
  const data: Record<string, unknown> = {};
  try {
    const bubbled = shaper.apply(input, operation.selectionSet, data, [], schema.schemaDefinition.rootType(operation.rootKind)!);
    return { data: bubbled ? null : data, errors: shaper.errors };
  } catch (error) {
    if (error === NOT_A_PROPERTY_NAME) return apolloComputeResponse(args);
    throw error;
  }
};

/** Thrown when a response name is one a plain object inherits. */
const NOT_A_PROPERTY_NAME = Symbol('response name that is not a plain property');

type Path = (string | number)[];

/** A field of a selection set, read once per request. */
interface FieldStep {
  field: true;
  responseName: string;
  /** `__typename`, under any alias */
  typename: boolean;
  /** `__schema`, `__type`: answered by the gateway, not the subgraphs */
  introspection: boolean;
  selection: FieldSelection;
  type: Type;
  selectionSet: SelectionSet | undefined;
}

/** An inline fragment (named fragments are expanded by then), with the types it applies to so far. */
interface FragmentStep {
  field: false;
  typeCondition: CompositeType | undefined;
  selectionSet: SelectionSet;
  applies: Map<string, boolean>;
}

type Step = FieldStep | FragmentStep;

class Shaper {
  readonly errors: GraphQLError[] = [];
  private readonly steps = new Map<SelectionSet, Step[]>();
  private readonly customScalars = new Map<Type, boolean>();
  /** What the last `update` found, beside its value: the value must null its parent (`invalid`), an error was recorded below it. */
  private invalid = false;
  private hasErrors = false;

  constructor(
    private readonly schema: Schema,
    private readonly variables: Record<string, unknown>,
    private readonly introspectionHandling: (selection: FieldSelection) => unknown,
  ) {}

  /** Fills `output` from `input` by `selectionSet`; true when a null must bubble up past `output`. */
  apply(input: Record<string, unknown>, selectionSet: SelectionSet, output: Record<string, unknown>, path: Path, parentType: CompositeType): boolean {
    for (const step of this.stepsOf(selectionSet)) {
      if (!step.field) {
        const typename = input.__typename;
        if (typename && typeof typename !== 'string') throw new Error(`Got unexpected value for __typename: ${String(typename)}`);
        if (
          this.applies(step, typename as string | undefined, parentType) &&
          this.apply(input, step.selectionSet, output, path, step.typeCondition ?? parentType)
        )
          return true;
        continue;
      }
      const name = step.responseName;
      const outputValue = output[name];
      if (step.introspection) {
        if (outputValue === undefined) output[name] = this.introspectionHandling(step.selection);
        continue;
      }
      let inputValue = Object.hasOwn(input, name) ? (input[name] ?? null) : null;
      if (step.typename) {
        if (outputValue === undefined) {
          if (inputValue === null && name !== '__typename') inputValue = input.__typename ?? null;
          const type = typeof inputValue === 'string' ? (this.schema.type(inputValue) ?? parentType) : parentType;
          if (!isObjectType(type)) return true;
          output[name] = type.name;
        }
        continue;
      }
      path.push(name);
      output[name] = this.update(outputValue, step.type, inputValue, step.selectionSet, path, parentType);
      path.pop();
      if (this.invalid) return true;
    }
    return false;
  }

  /** The value of one field or list element; sets `invalid` and `hasErrors` for the caller. */
  private update(
    outputValue: unknown,
    type: Type,
    inputValue: unknown,
    selectionSet: SelectionSet | undefined,
    path: Path,
    parentType: CompositeType,
  ): unknown {
    if (outputValue === null || (outputValue !== undefined && !selectionSet)) return this.found(outputValue, false);
    if (type.kind === 'NonNullType') {
      const updated = this.update(outputValue, type.ofType, inputValue, selectionSet, path, parentType);
      if (updated !== null) return this.found(updated, false);
      if (!this.hasErrors) this.error(`Cannot return null for non-nullable ${describe(path, type.ofType, parentType)}.`, path);
      this.invalid = true;
      this.hasErrors = true;
      return null;
    }
    if (inputValue === null) return this.found(null, false);
    if (type.kind === 'ListType') {
      if (!Array.isArray(inputValue)) throw new Error(`Invalid non-list value ${String(inputValue)} returned by subgraph for list type ${String(type)}`);
      if (outputValue !== undefined && !Array.isArray(outputValue))
        throw new Error(`Invalid non-list value ${String(outputValue)} returned by subgraph for list type ${String(type)}`);
      const before = outputValue as unknown[] | undefined;
      if (before && before.length !== inputValue.length)
        throw new Error(`[${String(inputValue)}].length (${inputValue.length}) !== [${String(before)}].length (${before.length})`);
      const updated: unknown[] = [];
      let nullify = false;
      let hasErrors = false;
      for (let i = 0; i < inputValue.length; i++) {
        path.push(i);
        updated.push(this.update(before?.[i], type.ofType, inputValue[i], selectionSet, path, parentType));
        path.pop();
        nullify ||= this.invalid;
        hasErrors ||= this.hasErrors;
      }
      return this.found(nullify ? null : updated, hasErrors);
    }
    if (isCompositeType(type)) {
      if (!selectionSet) throw new Error(`Invalid empty selection set for composite type ${String(type)}`);
      if (typeof inputValue !== 'object' || (outputValue !== undefined && typeof outputValue !== 'object'))
        throw new Error(`Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${String(type)}`);
      const object = inputValue as Record<string, unknown>;
      const typename = object.__typename;
      if (typename !== undefined && typeof typename !== 'string')
        throw new Error(`Invalid non-string value ${String(typename)} for __typename at ${String(path)}`);
      let objectType: CompositeType = type;
      if (typename) {
        const named = this.schema.type(typename);
        if (!named || !isCompositeType(named)) {
          this.error(`Invalid __typename found for object at ${describe(path, type, parentType)}.`, path);
          return this.found(null, true);
        }
        objectType = named;
      }
      const output = (outputValue ?? {}) as Record<string, unknown>;
      const bubbled = this.apply(object, selectionSet, output, path, objectType);
      return this.found(bubbled ? null : output, bubbled);
    }
    if (outputValue !== undefined) throw new Error(`Excepted output to be undefined but got ${String(type)} for type ${String(type)}`);
    const valid =
      (typeof inputValue === 'string' && type === this.schema.stringType()) ||
      this.isCustomScalar(type) ||
      isValidLeafValue(this.schema, inputValue, type as ScalarType | EnumType);
    if (!valid) this.error(`Invalid value found for ${describe(path, type, parentType)}.`, path);
    return this.found(valid ? inputValue : null, !valid);
  }

  private found(value: unknown, hasErrors: boolean): unknown {
    this.invalid = false;
    this.hasErrors = hasErrors;
    return value;
  }

  private error(message: string, path: Path): void {
    this.errors.push(ERRORS.INVALID_GRAPHQL.err(message, { path: Array.from(path) }));
  }

  private isCustomScalar(type: Type): boolean {
    let custom = this.customScalars.get(type);
    if (custom === undefined) this.customScalars.set(type, (custom = isCustomScalarType(type)));
    return custom;
  }

  private applies(step: FragmentStep, typename: string | undefined, parentType: CompositeType): boolean {
    if (!step.typeCondition) return true;
    const key = typename || `\0${parentType.name}`;
    let applies = step.applies.get(key);
    if (applies === undefined) {
      const type = typename ? this.schema.type(typename) : parentType;
      step.applies.set(key, (applies = !!type && isSubtype(step.typeCondition, type as CompositeType)));
    }
    return applies;
  }

  /** A selection set's steps under this request's variables, read on its first use (as @apollo/gateway reads it). */
  private stepsOf(selectionSet: SelectionSet): Step[] {
    let steps = this.steps.get(selectionSet);
    if (steps) return steps;
    steps = [];
    for (const selection of selectionSet.selections()) {
      if (this.skipped(selection.element)) continue;
      if (selection.kind === 'FieldSelection') {
        const field = selection.element;
        const responseName = field.responseName();
        // a plain object answers `__proto__`, `constructor`, `toString`… before it holds them
        if (responseName in Object.prototype) throw NOT_A_PROPERTY_NAME;
        steps.push({
          field: true,
          responseName,
          typename: field.name === '__typename',
          introspection: field.definition.isSchemaIntrospectionField(),
          selection,
          type: field.definition.type!,
          selectionSet: selection.selectionSet,
        });
      } else {
        steps.push({ field: false, typeCondition: selection.element.typeCondition, selectionSet: selection.selectionSet, applies: new Map() });
      }
    }
    this.steps.set(selectionSet, steps);
    return steps;
  }

  private skipped(element: Selection['element']): boolean {
    const skip = element.appliedDirectivesOf(this.schema.skipDirective())[0];
    if (skip && this.ifValue(skip)) return true;
    const include = element.appliedDirectivesOf(this.schema.includeDirective())[0];
    return !!include && !this.ifValue(include);
  }

  private ifValue(directive: { arguments(): { if?: unknown } }): boolean {
    const condition = directive.arguments().if;
    if (!(condition instanceof Variable)) return condition as boolean;
    const value = this.variables[condition.name];
    if (typeof value !== 'boolean') throw new Error(`Unexpected value ${String(value)} for variable ${String(condition)} of ${String(directive)}`);
    return value;
  }
}

/** How @apollo/gateway names the place of an error: the field, or the list element. */
function describe(path: Path, type: Type, parentType: CompositeType): string {
  const element = path[path.length - 1];
  return typeof element === 'string' ? `field ${parentType}.${element}` : `array element of type ${String(type)} at index ${element}`;
}
