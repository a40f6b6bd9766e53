export default async function globalTeardown(): Promise<void> {
  const e2e = globalThis.__NGOHUB_E2E__;
  if (!e2e) return;
  await e2e.hub.stop();
  await e2e.database.drop();
}
