import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { IDENTITY_HEADER, IdentitySigner } from '@ngo-hub/kit/common';
import { localServer } from '@ngo-hub/kit/testing/local-server';
import { SubgraphDataSource } from '../subgraph-data-source';

/** One subgraph fetch through the gateway's data source (as a health check: no incoming operation). */
function fetchThrough(url: string) {
  const source = new SubgraphDataSource('organizations', url, { timeoutMs: 5_000, signer: new IdentitySigner('s'.repeat(64)) });
  return source.process({ kind: GraphQLDataSourceRequestKind.HEALTH_CHECK, request: { query: '{ __typename }' }, context: {} });
}

describe("SubgraphDataSource: a subgraph's answers the gateway cannot use", () => {
  it('does not follow a redirect (it would carry the signed identity elsewhere): SUBGRAPH_UNAVAILABLE, and the target hears nothing', async () => {
    const elsewhere = await localServer((_req, res) => res.end('{"data":{"__typename":"Query"}}'));
    const redirecting = await localServer((_req, res) => {
      res.writeHead(308, { location: elsewhere.url.replace('127.0.0.1', 'localhost') });
      res.end();
    });
    try {
      await expect(fetchThrough(redirecting.url)).rejects.toMatchObject({
        message: expect.stringContaining('HTTP 308, a redirect, which the gateway does not follow'),
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'organizations' },
      });
      expect(redirecting.received).toHaveLength(1);
      expect(redirecting.received[0].headers[IDENTITY_HEADER]).toEqual(expect.any(String));
      expect(elsewhere.received).toEqual([]);
    } finally {
      await Promise.all([redirecting.close(), elsewhere.close()]);
    }
  });

  it("keeps a 4xx answer's GraphQL error code, and reports a 5xx as SUBGRAPH_UNAVAILABLE", async () => {
    const refusing = await localServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end('{"errors":[{"message":"bad id","extensions":{"code":"BAD_USER_INPUT"}}]}');
    });
    const failing = await localServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end('<html>busy</html>');
    });
    try {
      await expect(fetchThrough(refusing.url)).rejects.toMatchObject({
        message: 'bad id',
        extensions: { code: 'BAD_USER_INPUT', serviceName: 'organizations' },
      });
      await expect(fetchThrough(failing.url)).rejects.toMatchObject({
        message: expect.stringContaining('(HTTP 503)'),
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'organizations' },
      });
    } finally {
      await Promise.all([refusing.close(), failing.close()]);
    }
  });
});
