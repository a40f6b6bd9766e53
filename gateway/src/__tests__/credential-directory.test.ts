import { localServer } from '@ngo-hub/kit/testing/local-server';
import { CredentialDirectory } from '../auth/credential-directory';

/**
 * A stand-in for the organizations subgraph's `_membershipsOf`: answers each person's current
 * memberships, counts the lookups, and can hold answers back.
 */
async function organizations() {
  const memberships = new Map<string, { organizationId: string; role: string }[]>();
  let hold: Promise<void> | undefined;
  let arrived = () => {};
  const server = await localServer(async (_req, res, body) => {
    const { personId } = (JSON.parse(body) as { variables: { personId: string } }).variables;
    const list = memberships.get(personId) ?? [];
    arrived();
    await hold;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ data: { _membershipsOf: list } }));
  });
  return {
    url: server.url,
    memberships,
    lookups: () => server.received.length,
    /** Holds answers back until `release()`; `arrived` resolves when a lookup has read what it answers. */
    holdAnswers: () => {
      let release!: () => void;
      hold = new Promise((resolve) => (release = resolve));
      const lookupArrived = new Promise<void>((resolve) => (arrived = resolve));
      return {
        arrived: lookupArrived,
        release: () => {
          hold = undefined;
          release();
        },
      };
    },
    close: server.close,
  };
}

const ADMIN_OF_A = [{ organizationId: 'a', role: 'ADMIN' }];

describe("CredentialDirectory: a person's memberships", () => {
  let subgraph: Awaited<ReturnType<typeof organizations>>;
  beforeEach(async () => (subgraph = await organizations()));
  afterEach(() => subgraph.close());

  const directory = () => new CredentialDirectory(subgraph.url, 's'.repeat(64), 60_000);

  it('are reused within the cache time, so a change made elsewhere is not seen yet', async () => {
    const credentials = directory();
    expect(await credentials.membershipsOf('p')).toEqual([]);
    subgraph.memberships.set('p', ADMIN_OF_A);
    expect(await credentials.membershipsOf('p')).toEqual([]);
    expect(subgraph.lookups()).toBe(1);
  });

  it('are looked up again once forgotten (after a write of theirs), and kept again', async () => {
    const credentials = directory();
    await credentials.membershipsOf('p');
    await credentials.membershipsOf('q');
    subgraph.memberships.set('p', ADMIN_OF_A);
    credentials.forgetMembershipsOf('p');
    expect(credentials.cachedMembershipsOf('p')).toBeUndefined();
    expect(credentials.cachedMembershipsOf('q')).toEqual([]);
    expect(await credentials.membershipsOf('p')).toEqual(ADMIN_OF_A);
    expect(await credentials.membershipsOf('p')).toEqual(ADMIN_OF_A);
    expect(subgraph.lookups()).toBe(3);
  });

  it('asked for before they were forgotten are answered but not kept: the answer may predate the write', async () => {
    const credentials = directory();
    const held = subgraph.holdAnswers();
    const before = credentials.membershipsOf('p');
    await held.arrived;
    subgraph.memberships.set('p', ADMIN_OF_A);
    credentials.forgetMembershipsOf('p');
    held.release();
    expect(await before).toEqual([]);
    expect(credentials.cachedMembershipsOf('p')).toBeUndefined();
    expect(await credentials.membershipsOf('p')).toEqual(ADMIN_OF_A);
  });
});
