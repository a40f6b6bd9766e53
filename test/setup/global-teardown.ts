export default async function globalTeardown(): Promise<void> {
  const hubs = globalThis.__NGOHUB_E2E__ ?? [];
  globalThis.__NGOHUB_E2E__ = [];
  await Promise.all(
    hubs.map(async ({ hub, database }) => {
      await hub.stop();
      await database.drop();
    }),
  );
}
