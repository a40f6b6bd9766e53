// A jest setup file: points each test file at the hub of the worker that runs it (setup/global-setup.ts
// starts one per worker), through the variables the tests and setup/hub.ts read.
export interface WorkerHub {
  databaseUrl: string;
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
}

const hubs = JSON.parse(process.env.E2E_HUBS_STARTED ?? '[]') as WorkerHub[];
if (hubs.length > 0) {
  // JEST_WORKER_ID is 1…maxWorkers, fixed for a worker's life (1 when jest runs in band)
  const hub = hubs[(Number(process.env.JEST_WORKER_ID ?? 1) - 1) % hubs.length];
  process.env.TEST_DATABASE_URL = hub.databaseUrl;
  process.env.E2E_GATEWAY_URL = hub.gatewayUrl;
  process.env.E2E_SUBGRAPH_URLS = JSON.stringify(hub.subgraphUrls);
}
