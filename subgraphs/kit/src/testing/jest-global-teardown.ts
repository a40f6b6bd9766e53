/** Jest globalTeardown: drops the run's database. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__NGOHUB_TEST_DATABASE__?.drop();
}
