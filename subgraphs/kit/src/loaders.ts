import DataLoader from 'dataloader';
import type { HubContext } from './context';

/**
 * A DataLoader recipe: how to load many keys in one go. Defined once next to the service that
 * owns the query; instantiated per request by `Loaders`, so nothing is cached across requests.
 */
export interface LoaderDefinition<K, V> {
  readonly name: string;
  readonly batch: (keys: readonly K[], ctx: HubContext) => Promise<readonly (V | Error)[]>;
  readonly cacheKey?: (key: K) => unknown;
}

export function defineLoader<K, V>(
  name: string,
  batch: LoaderDefinition<K, V>['batch'],
  options: { cacheKey?: (key: K) => unknown } = {},
): LoaderDefinition<K, V> {
  return { name, batch, cacheKey: options.cacheKey };
}

/** The per-request set of DataLoaders. */
export class Loaders {
  private readonly loaders = new Map<LoaderDefinition<unknown, unknown>, DataLoader<unknown, unknown>>();

  constructor(private readonly ctx: () => HubContext) {}

  of<K, V>(definition: LoaderDefinition<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(definition as LoaderDefinition<unknown, unknown>) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V, unknown>((keys) => definition.batch(keys, this.ctx()), {
        cacheKeyFn: definition.cacheKey,
        maxBatchSize: 1000,
      });
      this.loaders.set(definition as LoaderDefinition<unknown, unknown>, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  load<K, V>(definition: LoaderDefinition<K, V>, key: K): Promise<V> {
    return this.of(definition).load(key);
  }
}

/** Groups keys that share their non-parent arguments, so a batch runs one query per distinct set of arguments. */
export function groupBy<K, G>(keys: readonly K[], group: (key: K) => G): Map<string, { group: G; indexes: number[] }> {
  const groups = new Map<string, { group: G; indexes: number[] }>();
  keys.forEach((key, index) => {
    const g = group(key);
    const id = JSON.stringify(g);
    const entry = groups.get(id) ?? { group: g, indexes: [] };
    entry.indexes.push(index);
    groups.set(id, entry);
  });
  return groups;
}
