import { gatewayUrl, gql } from './setup/hub';
import { adminHeaders } from './setup/identities';
import { liveClient } from './setup/live';

const ORG = 'organizations(first: 1) { totalCount }';
/** 495 copies of one field: graphql-js's overlapping-fields check compares every pair (1.5 s of CPU before the limit). */
const REPEATED = `{ ${Array(495).fill(ORG).join(' ')} }`;
/** A fragment spread twice at each of 30 levels: 2^30 selections once expanded. */
const FAN_OUT = `{ ...F0 } ${Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F30 on Query { __typename }`;

type Refusal = { message: string; extensions?: { code?: string; limit?: string; max?: number; counted?: { selections: number; fieldPairs: number } } };

async function post(body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; errors?: Refusal[]; body: unknown }> {
  const response = await fetch(gatewayUrl(), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const parsed = (await response.json()) as { errors?: Refusal[] } | unknown[];
  return { status: response.status, errors: Array.isArray(parsed) ? undefined : parsed.errors, body: parsed };
}

async function healthzMs(): Promise<number> {
  const started = performance.now();
  const response = await fetch(gatewayUrl().replace(/\/graphql$/, '/healthz'));
  await response.text();
  return performance.now() - started;
}

describe('validation work is bounded before graphql validates an operation', () => {
  it('refuses 495 copies of one field after counting a few dozen selections and just over 200 pairs, not the 244,530 pairs validation would compare', async () => {
    const { status, errors } = await post({ query: REPEATED });
    expect(status).toBe(400);
    expect(errors?.[0]).toMatchObject({
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'fieldPairs', max: 200 },
      message: expect.stringMatching(/more than 200 pairs of fields .* \(MAX_FIELD_PAIRS_ANONYMOUS\); authenticated callers may send more/),
    });
    const counted = errors![0]!.extensions!.counted!;
    expect(counted.fieldPairs).toBeGreaterThan(200);
    expect(counted.fieldPairs).toBeLessThan(200 + counted.selections); // a field adds at most one pair per earlier field at its place
    expect(counted.selections).toBeLessThan(50);
  });

  it('refuses a fragment fan-out of 2^30 selections after counting 501', async () => {
    const { status, errors } = await post({ query: FAN_OUT });
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'fieldPairs' });
    expect(errors![0]!.extensions!.counted!.selections).toBeLessThanOrEqual(501);
  });

  it('counts a fragment again at each spread', async () => {
    // 12 spreads of a fragment of 50 selections: 612 selections for anonymous callers, whose limit is 500
    const fields = Array.from({ length: 50 }, (_, i) => `a${i}: __typename`).join(' ');
    const spreads = Array.from({ length: 12 }, (_, i) => `b${i}: organizations(first: 1) { ...Wide }`).join(' ');
    const { errors } = await post({ query: `{ ${spreads} } fragment Wide on OrganizationConnection { ${fields} }` });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'selections', max: 500 });
    expect(errors![0]!.extensions!.counted!.selections).toBe(501);
  });

  it('gives authenticated callers more room than anonymous ones', async () => {
    const twenty = `{ ${Array(20).fill(ORG).join(' ')} }`; // 380 pairs: over the anonymous 200, under the authenticated 1000
    expect((await post({ query: twenty })).errors?.[0]?.extensions?.limit).toBe('fieldPairs');
    const asAdmin = await post({ query: twenty }, adminHeaders());
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.errors).toBeUndefined();
  });

  it('refuses a batch holding one such operation as a whole, and still answers ordinary operations', async () => {
    const { status, errors } = await post([{ query: '{ __typename }' }, { query: REPEATED }]);
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions?.limit).toBe('fieldPairs');
    const normal = await gql<{ organizations: { totalCount: number } }>(`{ organizations(first: 1) { totalCount } }`);
    expect(normal.errors).toBeUndefined();
  });

  it('refuses it over graphql-ws too, on a socket that stays open', async () => {
    const client = liveClient();
    const refusal = await new Promise<Refusal[]>((resolve, reject) =>
      client.subscribe(
        { query: REPEATED },
        { next: () => reject(new Error('answered')), error: (error) => resolve(error as Refusal[]), complete: () => reject(new Error('completed')) },
      ),
    );
    expect(refusal[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'fieldPairs' });
    const after = await new Promise<unknown>((resolve, reject) =>
      client.subscribe({ query: '{ __typename }' }, { next: resolve, error: reject, complete: () => undefined }),
    );
    expect(after).toEqual({ data: { __typename: 'Query' } });
    await client.dispose();
  });

  it('answers /healthz within 100 ms while batches of the worst operations are being refused', async () => {
    const batch = Array.from({ length: 10 }, () => ({ query: REPEATED }));
    const attack = Promise.all(Array.from({ length: 5 }, () => post(batch)));
    const samples: number[] = [];
    for (let i = 0; i < 5; i += 1) samples.push(await healthzMs());
    const answers = await attack;
    for (const answer of answers) expect(answer.status).toBe(400);
    samples.sort((a, b) => a - b);
    expect(samples[2]).toBeLessThan(100); // the median: the machine running the tests is shared
  });
});

describe("every alias and directive counts, __typename's and through fragments too", () => {
  it('counts the directives of a repeated fragment spread at each spread (26 × 2 > MAX_DIRECTIVES 30)', async () => {
    const spreads = Array(26).fill('...F @include(if: true) @skip(if: false)').join(' ');
    const { status, errors } = await post({ query: `{ ${spreads} } fragment F on Query { __typename }` }, adminHeaders());
    expect(status).toBe(400);
    expect(errors?.[0]).toMatchObject({
      message: 'Directives limit of 30 exceeded, found 52.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'directives' },
    });
  });

  it('counts __typename aliases, also through a fragment spread several times', async () => {
    const direct = Array.from({ length: 60 }, (_, i) => `t${i}: __typename`).join(' ');
    const first = await post({ query: `{ ${direct} }` });
    expect(first.errors?.[0]).toMatchObject({
      message: 'Aliases limit of 50 exceeded, found 60.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases' },
    });
    const twenty = Array.from({ length: 20 }, (_, i) => `t${i}: __typename`).join(' ');
    const spread = await post({ query: `{ ...A ...A ...A } fragment A on Query { ${twenty} }` });
    expect(spread.errors?.[0]).toMatchObject({ message: 'Aliases limit of 50 exceeded, found 60.', extensions: { limit: 'aliases' } });
    const within = await post({ query: `{ ...A ...A } fragment A on Query { ${twenty} }` });
    expect(within.errors).toBeUndefined();
  });
});
