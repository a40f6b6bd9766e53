import { mergeBatches } from '../relay';

const row = (source: string, id: number, at: number) => ({ source, id: String(id), topic: 'ORGANIZATION_CHANGED', payload: {}, occurred_at: new Date(at) });
const ids = (rows: { source: string; id: string }[]) => rows.map((r) => `${r.source}:${r.id}`);

describe("the relay's merge of the subgraphs' outbox batches", () => {
  it('orders rows of different subgraphs by write time', () => {
    const merged = mergeBatches(
      [
        [row('organizations', 1, 10), row('organizations', 2, 30)],
        [row('funding', 7, 20), row('funding', 8, 40)],
      ],
      [false, false],
    );
    expect(ids(merged)).toEqual(['organizations:1', 'funding:7', 'organizations:2', 'funding:8']);
  });

  it("keeps each subgraph's own order even where its write times are not increasing (concurrent transactions)", () => {
    const merged = mergeBatches([[row('people', 5, 50), row('people', 6, 20)], [row('training', 1, 30)]], [false, false]);
    expect(ids(merged)).toEqual(['training:1', 'people:5', 'people:6']);
  });

  it('holds back rows written after the last row of a full batch, whose next rows were not read yet', () => {
    const merged = mergeBatches(
      [
        [row('organizations', 1, 10), row('organizations', 2, 20)],
        [row('funding', 1, 15), row('funding', 2, 25)],
      ],
      [true, false],
    );
    expect(ids(merged)).toEqual(['organizations:1', 'funding:1', 'organizations:2']);
  });

  it('returns nothing for no rows', () => {
    expect(mergeBatches([[], []], [false, false])).toEqual([]);
  });
});
