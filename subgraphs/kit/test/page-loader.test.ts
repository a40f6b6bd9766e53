import type { HubContext } from '../src/context';
import { Loaders } from '../src/loaders';
import { definePageLoader, encodeCursor, mapPage, narrowPage, toPage, type ConnectionArgs, type Page } from '../src/pagination';

interface Item {
  id: string;
  rank: number;
}

/** Each parent's list: 7 items ranked 1…7; `calls` records what the loader was asked. */
function itemsLoader() {
  const calls: { parentIds: readonly string[]; args: ConnectionArgs }[] = [];
  let counts = 0;
  const loader = definePageLoader<Item, ConnectionArgs & { kind?: string }>('items', async (parentIds, args) => {
    calls.push({ parentIds, args });
    return parentIds.map((parent) => {
      const rows = Array.from({ length: 7 }, (_, i) => ({ id: `${parent}-${i + 1}`, rank: i + 1 }));
      return toPage(rows.slice(0, (args.first ?? 20) + 1), { first: args.first ?? 20 }, { by: 'rank' }, async () => ((counts += 1), 7));
    });
  });
  return { loader, calls, counts: () => counts };
}

const loaders = () => new Loaders(() => ({}) as HubContext);

describe('connection loaders', () => {
  it('load every page size of the same list in one call, each key cut to its own size', async () => {
    const { loader, calls, counts } = itemsLoader();
    const requests = loaders();
    const sizes = [1, 3, 7, 2, 100, undefined];
    const pages = await Promise.all([
      ...sizes.map((first) => requests.load(loader, { parentId: 'a', args: { first } })),
      requests.load(loader, { parentId: 'b', args: { first: 2 } }),
    ]);
    expect(calls).toEqual([{ parentIds: ['a', 'b'], args: { first: 100 } }]);
    expect(pages.map((page) => page.nodes.length)).toEqual([1, 3, 7, 2, 7, 7, 2]);
    expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, false, true, false, false, true]);
    expect(pages[1]!.pageInfo.endCursor).toBe(pages[1]!.edges[2]!.cursor);
    expect(pages[1]!.edges.map((e) => e.node.id)).toEqual(['a-1', 'a-2', 'a-3']);
    expect(pages[6]!.nodes.map((n) => n.id)).toEqual(['b-1', 'b-2']);
    // one list counted once, however many sizes read its total
    expect(await Promise.all(pages.slice(0, 6).map((page: Page<Item>) => page.totalCount))).toEqual([7, 7, 7, 7, 7, 7]);
    expect(counts()).toBe(1);
  });

  it('keep lists with other arguments apart, and an invalid page size out of the merge', async () => {
    const { loader, calls } = itemsLoader();
    const requests = loaders();
    const [filtered, plain] = await Promise.all([
      requests.load(loader, { parentId: 'a', args: { first: 2, kind: 'x' } }),
      requests.load(loader, { parentId: 'a', args: { first: 3 } }),
      requests.load(loader, { parentId: 'a', args: { first: 0 } }),
    ]);
    // `first: 0` reaches loadPages as sent, where pageRequest refuses it
    expect(calls.map((c) => c.args)).toEqual([{ first: 2, kind: 'x' }, { first: 3 }, { first: 0 }]);
    expect(filtered.nodes.length).toBe(2);
    expect(plain.nodes.length).toBe(3);
  });

  it("give every edge of a page, a narrowed page and a mapped page its item's cursor, made when edges are read", () => {
    const rows = Array.from({ length: 6 }, (_, i) => ({ id: `item-${i}`, rank: i % 2 ? null : i }));
    const page = toPage(rows, { first: 5, after: { value: 0, id: 'item-0' } }, { by: 'rank' }, 6);
    const cursors = rows.slice(0, 5).map((row) => encodeCursor(row.rank, row.id));
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, startCursor: cursors[0], endCursor: cursors[4] });
    expect(page.edges).toEqual(rows.slice(0, 5).map((node, i) => ({ node, cursor: cursors[i] })));
    expect(page.edges).toBe(page.edges);
    const narrowed = narrowPage(page, 2);
    expect(narrowed.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, startCursor: cursors[0], endCursor: cursors[1] });
    expect(narrowed.edges.map((edge) => edge.cursor)).toEqual(cursors.slice(0, 2));
    const mapped = mapPage(narrowPage(toPage(rows, { first: 5 }, { by: 'rank' }, 6), 3), (row) => row.id.toUpperCase());
    expect(mapped.edges).toEqual([0, 1, 2].map((i) => ({ node: `ITEM-${i}`, cursor: cursors[i] })));
    expect(mapped.pageInfo.endCursor).toBe(cursors[2]);
    expect(toPage([], { first: 5 }, { by: 'rank' }, 0).pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });
});
