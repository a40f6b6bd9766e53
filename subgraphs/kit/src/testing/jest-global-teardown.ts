import { stopSharedNeighbours } from './shared-neighbours';

/** Jest globalTeardown: stops the shared neighbours, then drops the run's database. */
export default async function globalTeardown(): Promise<void> {
  await stopSharedNeighbours();
  await globalThis.__NGOHUB_TEST_DATABASE__?.drop();
}
