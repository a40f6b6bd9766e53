import { EXAMPLES } from '../gateway/graphiql/examples';
import { liveClient, Subscription } from './setup/live';
import { gatewayUrl, gql } from './setup/hub';

describe('GraphiQL served by the gateway', () => {
  const base = () => gatewayUrl().replace(/\/graphql$/, '');

  it('serves the GraphiQL page at / from local assets only (no CDN)', async () => {
    const response = await fetch(`${base()}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('/graphiql/main.js');
    expect(html).not.toMatch(/(src|href)="https?:\/\//);
    const script = await fetch(`${base()}/graphiql/main.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    const code = await script.text();
    expect(code.length).toBeGreaterThan(100_000);
    expect(code).toContain('ServiceParkAtAGlance');
    const css = await fetch(`${base()}/graphiql/main.css`);
    expect(css.status).toBe(200);
  });

  it('shows GraphiQL to a browser that opens /graphql, and answers GraphQL there to clients', async () => {
    const page = await fetch(gatewayUrl(), { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('/graphiql/main.js');
    const query = await fetch(`${gatewayUrl()}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await query.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('does not serve files outside its assets', async () => {
    const response = await fetch(`${base()}/graphiql/..%2F..%2Fpackage.json`);
    expect(response.status).toBe(404);
  });

  it.each(EXAMPLES.filter((example) => /^query /m.test(example.query)).map((example) => [example.query.match(/query (\w+)/)![1], example.query] as const))(
    'answers the saved example %s with seed data and no error',
    async (_name, query) => {
      const { data, errors } = await gql<Record<string, unknown>>(query);
      expect(errors).toBeUndefined();
      // every example shows seed data: no empty answer
      expect(Object.values(data!).every((value) => value !== null && JSON.stringify(value).length > 20)).toBe(true);
    },
  );

  it.each(
    EXAMPLES.filter((example) => /^subscription /m.test(example.query)).map(
      (example) => [example.query.match(/subscription (\w+)/)![1], example.query] as const,
    ),
  )('opens the saved subscription example %s over graphql-ws', async (_name, query) => {
    const client = liveClient();
    const subscription = new Subscription(client, query);
    const field = query.match(/subscription \w+ \{\s*(\w+)/)![1]!;
    await subscription.ready(field);
    expect(subscription.error).toBeUndefined();
    subscription.stop();
    await client.dispose();
  });
});
