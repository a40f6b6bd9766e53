import { localServer } from '../src/testing/local-server';
import { postToSubgraph } from '../src/http/subgraph-post';

describe('postToSubgraph', () => {
  it('posts the body with its length and reads the answer as a fetch Response would be read', async () => {
    const answer = JSON.stringify({ data: { name: '北京 NGO' } });
    const server = await localServer((_req, res) => {
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('cache-control', 'max-age=60, public');
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.end(answer);
    });
    try {
      const body = JSON.stringify({ query: '{ name }', variables: { representations: [{ __typename: 'Organization', id: '1' }] } });
      const response = await postToSubgraph(
        server.url,
        { headers: { 'content-type': 'application/json', 'x-ngohub-identity': 'token' }, body },
        AbortSignal.timeout(5_000),
      );
      expect(server.received).toEqual([
        { method: 'POST', headers: expect.objectContaining({ 'content-length': String(Buffer.byteLength(body)), 'x-ngohub-identity': 'token' }), body },
      ]);
      expect(server.received[0].headers['transfer-encoding']).toBeUndefined();
      expect(response).toMatchObject({ ok: true, status: 200, statusText: 'OK', url: server.url });
      expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('max-age=60, public');
      expect(response.headers.get('set-cookie')).toBe('a=1, b=2');
      const [first, second] = [await response.json(), await response.clone().json()];
      expect(first).toEqual({ data: { name: '北京 NGO' } });
      expect(second).toEqual(first);
      expect(second).not.toBe(first);
      expect(await response.text()).toBe(answer);
    } finally {
      await server.close();
    }
  });

  it("gives a subgraph's error status as it came, not ok", async () => {
    const server = await localServer((_req, res) => {
      res.statusCode = 400;
      res.setHeader('content-type', 'application/json');
      res.end('{"errors":[{"message":"bad","extensions":{"code":"BAD_USER_INPUT"}}]}');
    });
    try {
      const response = await postToSubgraph(server.url, { headers: {}, body: '{}' }, AbortSignal.timeout(5_000));
      expect(response).toMatchObject({ ok: false, status: 400, statusText: 'Bad Request' });
      expect(await response.json()).toEqual({ errors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT' } }] });
    } finally {
      await server.close();
    }
  });

  it('gives up with a TimeoutError when the signal times out before the answer', async () => {
    const server = await localServer(() => {
      // never answers
    });
    try {
      await expect(postToSubgraph(server.url, { headers: {}, body: '{}' }, AbortSignal.timeout(100))).rejects.toMatchObject({
        name: 'TimeoutError',
      });
    } finally {
      await server.close();
    }
  });

  it('answers a redirect as it came and does not follow it: the identity goes nowhere else', async () => {
    const elsewhere = await localServer((_req, res) => res.end('{"data":{}}'));
    const redirecting = await localServer((_req, res) => {
      res.writeHead(307, { location: elsewhere.url });
      res.end();
    });
    try {
      const response = await postToSubgraph(redirecting.url, { headers: { 'x-ngohub-identity': 'token' }, body: '{}' }, AbortSignal.timeout(5_000));
      expect(response).toMatchObject({ ok: false, status: 307 });
      expect(response.headers.get('location')).toBe(elsewhere.url);
      expect(elsewhere.received).toEqual([]);
    } finally {
      await Promise.all([redirecting.close(), elsewhere.close()]);
    }
  });
});
