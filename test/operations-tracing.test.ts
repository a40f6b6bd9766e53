import { startHub, type RunningHub } from '@ngo-hub/gateway/dist/hub/hub';
import { SUBGRAPHS } from '@ngo-hub/kit/config';
import { freePort } from '@ngo-hub/kit/processes';
import { graphqlRequest } from '@ngo-hub/kit/testing/client';
import { createServer, type Server } from 'node:http';

interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: { key: string; value: { stringValue?: string } }[];
}
interface ExportRequest {
  resourceSpans: { resource: { attributes: { key: string; value: { stringValue?: string } }[] }; scopeSpans: { spans: Span[] }[] }[];
}

/** A minimal OTLP/HTTP (JSON) trace receiver: what a collector would get. */
function startReceiver(): Promise<{ server: Server; url: string; spans: (Span & { service: string })[] }> {
  const spans: (Span & { service: string })[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const payload = JSON.parse(body) as ExportRequest;
      for (const resourceSpans of payload.resourceSpans) {
        const service = resourceSpans.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
        for (const scope of resourceSpans.scopeSpans) for (const span of scope.spans) spans.push({ ...span, service });
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, spans })),
  );
}

describe('OpenTelemetry tracing (off by default, on with an OTLP endpoint)', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let hub: RunningHub;
  beforeAll(async () => {
    receiver = await startReceiver();
    const ports: Record<string, number> = { gateway: await freePort() };
    for (const name of SUBGRAPHS) ports[name] = await freePort();
    hub = await startHub({
      env: {
        ...process.env,
        DATABASE_URL: process.env.TEST_DATABASE_URL,
        LOG_LEVEL: 'error',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_BSP_SCHEDULE_DELAY: '100',
      },
      ports,
      stdio: 'ignore',
      prepare: false,
    });
  });
  afterAll(async () => {
    await hub.stop();
    receiver.server.close();
  });

  it('follows one request from the gateway through two subgraphs down to their SQL, in one trace', async () => {
    const { errors } = await graphqlRequest(
      hub.gatewayUrl,
      `query Traced { organizations(first: 2) { nodes { name grantsReceived(first: 1) { totalCount } } } }`,
    );
    expect(errors).toBeUndefined();
    const deadline = Date.now() + 15_000;
    let trace: (Span & { service: string })[] = [];
    while (Date.now() < deadline) {
      const root = receiver.spans.find((s) => s.service === 'ngohub-gateway' && s.name.startsWith('POST') && !s.parentSpanId);
      trace = root ? receiver.spans.filter((s) => s.traceId === root.traceId) : [];
      const services = new Set(trace.map((s) => s.service));
      const sql = trace.filter((s) => s.attributes.some((a) => a.key === 'db.system' && a.value.stringValue === 'postgresql'));
      if (services.has('ngohub-organizations') && services.has('ngohub-funding') && sql.length >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const services = new Set(trace.map((s) => s.service));
    expect([...services].sort()).toEqual(expect.arrayContaining(['ngohub-funding', 'ngohub-gateway', 'ngohub-organizations']));
    // the subgraphs' SQL spans belong to the gateway's trace, each under a span of its own subgraph's request
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    for (const service of ['ngohub-organizations', 'ngohub-funding']) {
      const sql = trace.find((s) => s.service === service && s.attributes.some((a) => a.key === 'db.system'));
      expect(sql).toBeDefined();
      let ancestor = sql;
      while (ancestor?.parentSpanId && byId.get(ancestor.parentSpanId)?.service === service) ancestor = byId.get(ancestor.parentSpanId);
      expect(byId.get(ancestor!.parentSpanId!)?.service).toBe('ngohub-gateway');
    }
  }, 60_000);
});
