import { gatewayUrl } from './setup/hub';

async function ask(method: 'GET' | 'POST', headers: Record<string, string>, body?: string) {
  const url = method === 'GET' ? `${gatewayUrl()}?query=${encodeURIComponent('{ organizations { totalCount } }')}` : gatewayUrl();
  const response = await fetch(url, { method, headers, body });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions: { code: string } }[] } };
}

const QUERY = JSON.stringify({ query: '{ organizations { totalCount } }' });

describe("CSRF prevention applies through the gateway's HTTP handler", () => {
  it('refuses a simple GET (no content-type, no preflight header) as a possible cross-site request', async () => {
    const answer = await ask('GET', {});
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].extensions.code).toBe('BAD_REQUEST');
    expect(answer.body.errors?.[0].message).toMatch(/blocked as a potential Cross-Site Request Forgery/);
    expect(answer.body.data).toBeUndefined();
  });

  it('refuses a simple POST with a form or text content type', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const answer = await ask('POST', { 'content-type': contentType }, QUERY);
      expect({ contentType, status: answer.status, code: answer.body.errors?.[0].extensions.code }).toEqual({ contentType, status: 400, code: 'BAD_REQUEST' });
      expect(answer.body.errors?.[0].message).toMatch(/Cross-Site Request Forgery/);
    }
  });

  it('answers a GET that carries a preflight header, and a JSON POST', async () => {
    for (const header of ['apollo-require-preflight', 'x-apollo-operation-name']) {
      const answer = await ask('GET', { [header]: 'true' });
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual({ organizations: { totalCount: expect.any(Number) } });
    }
    const post = await ask('POST', { 'content-type': 'application/json' }, QUERY);
    expect(post.status).toBe(200);
    expect(post.body.data).toEqual({ organizations: { totalCount: expect.any(Number) } });
  });

  it('refuses a mutation over GET even with the preflight header', async () => {
    const url = `${gatewayUrl()}?query=${encodeURIComponent('mutation { createOrganization(input: { name: "CSRF", kind: NGO }) { organization { id } } }')}`;
    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(response.status).toBe(405);
    expect(body.errors[0]).toMatchObject({
      message: 'GET requests only support query operations, not mutation operations',
      extensions: { code: 'BAD_REQUEST' },
    });
  });
});
