import type { SupergraphSdlHook } from '@apollo/gateway';
import { metrics, type Logger } from '@ngo-hub/kit/common';
import { readFile } from 'node:fs/promises';
import { unwatchFile, watchFile } from 'node:fs';
import { Counter } from 'prom-client';

const reloads = new Counter({
  name: 'ngohub_supergraph_reloads_total',
  help: 'Supergraph reloads without a restart, by outcome: applied, or refused (the previous one kept).',
  labelNames: ['outcome'],
  registers: [metrics],
});

export type ReloadOutcome = 'applied' | 'unchanged' | 'refused';

export interface SupergraphFile {
  /** ApolloGateway's `supergraphSdl` option. */
  hook: SupergraphSdlHook;
  /** Reads the file again and applies it when it changed (what a file change and SIGHUP do). */
  reload(): Promise<ReloadOutcome>;
}

/**
 * The supergraph the gateway serves, from SUPERGRAPH_PATH, picked up without a restart when the
 * file changes (checked every `pollMs`; a rename over it counts) or on SIGHUP. A new supergraph
 * replaces the old between operations: requests in flight finish on the old plan and open
 * sockets stay open (subscriptions read the schema of the moment). One that fails to load (not
 * a supergraph, or unreadable) is refused with an error in the log, and the previous one stays.
 */
export function supergraphFile(path: string, log: Logger, options: { pollMs?: number } = {}): SupergraphFile {
  let update: ((sdl: string) => void) | undefined;
  let current = '';
  let queue: Promise<ReloadOutcome> = Promise.resolve('unchanged');

  const apply = async (): Promise<ReloadOutcome> => {
    if (!update) return 'unchanged';
    let sdl: string;
    try {
      sdl = await readFile(path, 'utf8');
    } catch (error) {
      reloads.inc({ outcome: 'refused' });
      log.error({ path, err: (error as Error).message }, 'supergraph unreadable; still serving the previous one');
      return 'refused';
    }
    if (sdl === current) return 'unchanged';
    try {
      update(sdl);
    } catch (error) {
      reloads.inc({ outcome: 'refused' });
      log.error({ path, err: (error as Error).message }, 'supergraph refused; still serving the previous one');
      return 'refused';
    }
    current = sdl;
    reloads.inc({ outcome: 'applied' });
    log.info({ path }, 'supergraph reloaded');
    return 'applied';
  };
  // one reload at a time, in the order asked
  const reload = () => (queue = queue.then(apply, apply));
  const onHangup = () => void reload();

  const hook: SupergraphSdlHook = async ({ update: apolloUpdate }) => {
    current = await readFile(path, 'utf8');
    update = apolloUpdate;
    watchFile(path, { interval: options.pollMs ?? 1000, persistent: false }, (now, before) => {
      if (now.mtimeMs !== before.mtimeMs || now.ino !== before.ino || now.size !== before.size) void reload();
    });
    process.on('SIGHUP', onHangup);
    return {
      supergraphSdl: current,
      cleanup: async () => {
        update = undefined;
        unwatchFile(path);
        process.off('SIGHUP', onHangup);
      },
    };
  };
  return { hook, reload };
}
