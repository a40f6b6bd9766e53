import { IDENTITY_HEADER } from '@ngo-hub/kit/common';
import { InflightFetches } from '../inflight-fetches';

const URL = 'http://127.0.0.1:4001/graphql';
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** An identity token shaped like the gateway's signed one: header.claims.signature. */
const identity = (claims: object, iat = 1000) => `${base64url({ alg: 'HS256' })}.${base64url({ ...claims, iat, exp: iat + 60 })}.sig-${iat}`;
const alice = { sub: 'person:alice', roles: ['PERSON'] };
const bob = { sub: 'person:bob', roles: ['PERSON'] };

const request = (query: string, token = identity(alice), variables: object = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: token },
  body: JSON.stringify({ query, variables }),
});

/** A subgraph whose answers the test releases: counts what is sent and answers each fetch when told. */
function slowSubgraph() {
  const pending: ((response: Response) => void)[] = [];
  return {
    sent: () => pending.length,
    send: () => new Promise<Response>((resolve) => pending.push(resolve)),
    answerAll: (body: string, status = 200) =>
      pending.splice(0).forEach((resolve) => resolve(new Response(body, { status, headers: { 'content-type': 'application/json' } }))),
  };
}

describe('InflightFetches', () => {
  it('sends identical reads in flight at once only once, and gives every caller its own answer', async () => {
    const fetches = new InflightFetches();
    const subgraph = slowSubgraph();
    const calls = [1, 2, 3].map(() => fetches.fetch(URL, request('query { organizations { totalCount } }'), subgraph.send));
    await Promise.resolve();
    expect(subgraph.sent()).toBe(1);
    expect(fetches.size).toBe(1);
    subgraph.answerAll('{"data":{"organizations":{"totalCount":3}}}');
    const responses = await Promise.all(calls);
    expect(new Set(responses).size).toBe(3);
    for (const response of responses) expect(await response.json()).toEqual({ data: { organizations: { totalCount: 3 } } });
    // every way of reading a body gives the answer, a copy's too
    const text = '{"data":{"organizations":{"totalCount":3}}}';
    expect(await responses[0].clone().text()).toBe(text);
    expect(new TextDecoder().decode(await responses[1].arrayBuffer())).toBe(text);
    expect(fetches.size).toBe(0);
  });

  it('shares between tokens of the same identity signed at different times', async () => {
    const fetches = new InflightFetches();
    const subgraph = slowSubgraph();
    const calls = [
      fetches.fetch(URL, request('query { me { id } }', identity(alice, 1000)), subgraph.send),
      fetches.fetch(URL, request('query { me { id } }', identity(alice, 1001)), subgraph.send),
    ];
    await Promise.resolve();
    expect(subgraph.sent()).toBe(1);
    subgraph.answerAll('{"data":{"me":{"id":"alice"}}}');
    await Promise.all(calls);
  });

  it('never shares between different identities, operations, variables or subgraphs', async () => {
    const fetches = new InflightFetches();
    const subgraph = slowSubgraph();
    const query = 'query ($id: ID!) { organization(id: $id) { name } }';
    const calls = [
      fetches.fetch(URL, request(query, identity(alice), { id: '1' }), subgraph.send),
      fetches.fetch(URL, request(query, identity(bob), { id: '1' }), subgraph.send),
      fetches.fetch(URL, request(query, identity(alice), { id: '2' }), subgraph.send),
      fetches.fetch(URL, request('query { organizations { totalCount } }', identity(alice)), subgraph.send),
      fetches.fetch('http://127.0.0.1:4002/graphql', request(query, identity(alice), { id: '1' }), subgraph.send),
    ];
    await Promise.resolve();
    expect(subgraph.sent()).toBe(5);
    subgraph.answerAll('{"data":{}}');
    await Promise.all(calls);
  });

  it('reads the operation of a body however its JSON is written: escaped quotes, variables first', async () => {
    const fetches = new InflightFetches();
    const subgraph = slowSubgraph();
    const read = 'query { organizations(filter: { search: "say \\"hi\\" \\\\" }) { totalCount } }';
    const mutation = 'mutation { renameOrganization(name: "a \\"query\\"") { id } }';
    const variablesFirst = (query: string): RequestInit => ({ ...request(query), body: JSON.stringify({ variables: {}, query }) });
    const calls = [
      fetches.fetch(URL, request(read), subgraph.send),
      fetches.fetch(URL, request(read), subgraph.send),
      fetches.fetch(URL, variablesFirst(read), subgraph.send),
      fetches.fetch(URL, variablesFirst(read), subgraph.send),
      fetches.fetch(URL, request(mutation), subgraph.send),
      fetches.fetch(URL, request(mutation), subgraph.send),
      fetches.fetch(URL, variablesFirst(mutation), subgraph.send),
    ];
    await Promise.resolve();
    // one for each layout of the read (their bodies differ), one per mutation
    expect(subgraph.sent()).toBe(5);
    subgraph.answerAll('{"data":{}}');
    await Promise.all(calls);
  });

  it('never shares a mutation', async () => {
    const fetches = new InflightFetches();
    const subgraph = slowSubgraph();
    const mutation = 'mutation { awardGrant(id: "1") { id } }';
    const calls = [fetches.fetch(URL, request(mutation), subgraph.send), fetches.fetch(URL, request(mutation), subgraph.send)];
    await Promise.resolve();
    expect(subgraph.sent()).toBe(2);
    expect(fetches.size).toBe(0);
    subgraph.answerAll('{"data":{}}');
    await Promise.all(calls);
  });

  it('tells reads from the parsed operation, not its text: a shorthand or commented query is shared, a mutation after a query never is', async () => {
    for (const [query, shared] of [
      ['{ organizations { totalCount } }', true],
      ['# planned by the gateway\nquery Dashboard__organizations__0 { organizations { totalCount } }', true],
      ['query Q { organizations { totalCount } } mutation M { awardGrant(id: "1") { id } }', false],
      ['subscription { grantAwarded { id } }', false],
      ['query { not closed', false],
    ] as const) {
      const fetches = new InflightFetches();
      const subgraph = slowSubgraph();
      const calls = [fetches.fetch(URL, request(query), subgraph.send), fetches.fetch(URL, request(query), subgraph.send)];
      await Promise.resolve();
      expect([query, subgraph.sent()]).toEqual([query, shared ? 1 : 2]);
      subgraph.answerAll('{"data":{}}');
      await Promise.all(calls);
    }
  });

  it('is no cache: a read sent after the previous one was answered goes out again', async () => {
    const fetches = new InflightFetches();
    const subgraph = slowSubgraph();
    const first = fetches.fetch(URL, request('query { organizations { totalCount } }'), subgraph.send);
    await Promise.resolve();
    subgraph.answerAll('{"data":{"organizations":{"totalCount":1}}}');
    await first;
    const second = fetches.fetch(URL, request('query { organizations { totalCount } }'), subgraph.send);
    await Promise.resolve();
    expect(subgraph.sent()).toBe(1);
    subgraph.answerAll('{"data":{"organizations":{"totalCount":2}}}');
    expect(await (await second).json()).toEqual({ data: { organizations: { totalCount: 2 } } });
  });

  it('passes the status of a shared answer to each caller, and a failed fetch fails every caller and is forgotten', async () => {
    const fetches = new InflightFetches();
    const subgraph = slowSubgraph();
    const read = () => fetches.fetch(URL, request('query { organizations { totalCount } }'), subgraph.send);
    const answered = [read(), read()];
    await Promise.resolve();
    subgraph.answerAll('{"errors":[{"message":"busy"}]}', 503);
    for (const response of await Promise.all(answered)) expect(response.status).toBe(503);

    let failures = 0;
    const failing = () =>
      fetches.fetch(URL, request('query { organizations { totalCount } }'), () => (failures++, Promise.reject(new Error('connection refused'))));
    await expect(Promise.all([failing(), failing()])).rejects.toThrow('connection refused');
    expect(failures).toBe(1);
    expect(fetches.size).toBe(0);
  });
});
