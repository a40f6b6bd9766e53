import type { ChildService } from '@ngo-hub/kit/processes';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startGatewayProcess } from './setup/gateway-process';
import { gatewayUrl } from './setup/hub';

const repository = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(repository, 'gateway', 'trusted-documents.json'), 'utf8')) as {
  operations: { id: string; name: string; body: string }[];
};
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface Body {
  data?: Record<string, unknown>;
  errors?: { message: string; extensions: { code: string } }[];
}

/** A request as Apollo Client's persisted-query link sends it: the hash in extensions, the text only when asked. */
async function send(url: string, payload: { query?: string; hash: string; variables?: Record<string, unknown> }, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: payload.query, variables: payload.variables, extensions: { persistedQuery: { version: 1, sha256Hash: payload.hash } } }),
  });
  return { status: response.status, body: (await response.json()) as Body };
}

describe('automatic persisted queries through the gateway', () => {
  const query = `query ApqCount${Date.now()} { organizations { totalCount } }`;
  const hash = sha256(query);

  it('asks for the text of an unknown hash, registers it, then answers by hash alone', async () => {
    const unknown = await send(gatewayUrl(), { hash });
    expect(unknown.body.errors?.[0]).toMatchObject({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
    const registered = await send(gatewayUrl(), { hash, query });
    expect(registered.body).toEqual({ data: { organizations: { totalCount: expect.any(Number) } } });
    const byHash = await send(gatewayUrl(), { hash });
    expect(byHash.body).toEqual(registered.body);
  });

  it('refuses a text that does not match its hash', async () => {
    const answer = await send(gatewayUrl(), { hash: sha256('{ __typename }'), query });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]).toMatchObject({ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } });
  });

  it('answers a registered document (GraphiQL example) by hash without ever receiving its text', async () => {
    const certificate = manifest.operations.find((operation) => operation.name === 'VerifyCertificate')!;
    const answer = await send(gatewayUrl(), { hash: certificate.id });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toHaveProperty('verifyCertificate');
  });
});

describe('trusted documents', () => {
  it("the checked-in manifest is what the script generates from the clients' operations, and every id is its body's sha256", async () => {
    await promisify(execFile)(process.execPath, [join(repository, 'gateway', 'scripts', 'trusted-documents.mjs'), '--check'], { cwd: repository });
    expect(manifest.operations.length).toBeGreaterThan(5);
    for (const operation of manifest.operations) expect(sha256(operation.body)).toBe(operation.id);
  });

  describe('in production, for a client flagged as production (apollographql-client-name)', () => {
    let production: ChildService;
    const dashboard = { 'apollographql-client-name': 'ngo-hub-dashboard' };
    const sectorMap = manifest.operations.find((operation) => operation.name === 'ChengduSectorMap')!;
    const stranger = `query NotRegistered${Date.now()} { organizations { totalCount } }`;

    beforeAll(async () => {
      production = await startGatewayProcess({ HUB_MODE: 'production', RATE_LIMIT_PER_SECOND: '0' });
    });
    afterAll(() => production?.stop());

    it('runs a registered operation, sent as text or by hash', async () => {
      const asText = await fetch(production.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...dashboard },
        body: JSON.stringify({ query: sectorMap.body }),
      });
      expect(asText.status).toBe(200);
      expect(((await asText.json()) as Body).data).toHaveProperty('sectorMap');
      const byHash = await send(production.url, { hash: sectorMap.id }, dashboard);
      expect(byHash.body.data).toHaveProperty('sectorMap');
    });

    it('refuses an operation not in the manifest with PERSISTED_QUERY_NOT_IN_LIST, and does not register it by APQ', async () => {
      const asText = await fetch(production.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...dashboard },
        body: JSON.stringify({ query: stranger }),
      });
      const body = (await asText.json()) as Body;
      expect(asText.status).toBe(403);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
      expect(body.errors?.[0].message).toMatch(
        /^Client "ngo-hub-dashboard" may run registered operations only, and operation NotRegistered\d+ \(sha256 [0-9a-f]{64}\) is not in the trusted documents manifest/,
      );

      const viaApq = await send(production.url, { hash: sha256(stranger), query: stranger }, dashboard);
      expect(viaApq.body.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
      const byHashLater = await send(production.url, { hash: sha256(stranger) });
      expect(byHashLater.body.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    });

    it("lets other clients (analysts, partners' scripts) send any operation", async () => {
      const answer = await fetch(production.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: stranger }),
      });
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as Body).data).toEqual({ organizations: { totalCount: expect.any(Number) } });
    });
  });

  it('with TRUSTED_DOCUMENTS=all, every caller may run registered operations only', async () => {
    const strict = await startGatewayProcess({ HUB_MODE: 'production', TRUSTED_DOCUMENTS: 'all', RATE_LIMIT_PER_SECOND: '0' });
    try {
      const refused = await fetch(strict.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ organizations { totalCount } }' }),
      });
      const body = (await refused.json()) as Body;
      expect(body.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
      expect(body.errors?.[0].message).toMatch(/^This hub runs registered operations only/);
      const registered = manifest.operations.find((operation) => operation.name === 'Incubators')!;
      expect((await send(strict.url, { hash: registered.id })).body.data).toHaveProperty('organizations');
    } finally {
      await strict.stop();
    }
  });
});
