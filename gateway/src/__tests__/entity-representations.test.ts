import { dedupeRepresentations, expandEntities } from '../entity-representations';

const org = (id: string) => ({ __typename: 'Organization', id });

describe('dedupeRepresentations', () => {
  it('leaves a fetch alone when no representation repeats (or there is nothing to dedupe)', () => {
    expect(dedupeRepresentations([org('a'), org('b')])).toBeUndefined();
    expect(dedupeRepresentations([org('a')])).toBeUndefined();
    expect(dedupeRepresentations([])).toBeUndefined();
    expect(dedupeRepresentations(undefined)).toBeUndefined();
    expect(dedupeRepresentations({ not: 'a list' })).toBeUndefined();
  });

  it('sends each distinct representation once and remembers where every original answer comes from', () => {
    expect(dedupeRepresentations([org('a'), org('b'), org('a'), org('a'), org('c'), org('b')])).toEqual({
      unique: [org('a'), org('b'), org('c')],
      positions: [0, 1, 0, 0, 2, 1],
    });
  });

  it('compares representations with more keys than a type and an id by all of them', () => {
    const keyed = (id: string, orgId: string) => ({ __typename: 'Organization', id, orgId });
    expect(dedupeRepresentations([keyed('a', 'x'), org('a'), keyed('a', 'y'), keyed('a', 'x')])).toEqual({
      unique: [keyed('a', 'x'), org('a'), keyed('a', 'y')],
      positions: [0, 1, 2, 0],
    });
  });

  it('tells representations of different types with the same id apart', () => {
    const person = { __typename: 'Person', id: 'a' };
    expect(dedupeRepresentations([org('a'), person, org('a')])).toEqual({ unique: [org('a'), person], positions: [0, 1, 0] });
  });
});

describe('expandEntities', () => {
  const representations = [org('a'), org('b'), org('a')];

  it('answers every original representation, in order, from the distinct answers', () => {
    const deduped = dedupeRepresentations(representations)!;
    const answer = expandEntities(
      {
        data: {
          _entities: [
            { id: 'a', name: 'A' },
            { id: 'b', name: 'B' },
          ],
        },
      },
      deduped,
    );
    expect(answer.data!._entities).toEqual([
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
      { id: 'a', name: 'A' },
    ]);
  });

  it('spreads an error on one distinct entity to the path of each of its copies, and keeps other errors as they are', () => {
    const deduped = dedupeRepresentations(representations)!;
    const answer = expandEntities(
      {
        data: { _entities: [null, { id: 'b' }] },
        errors: [
          { message: 'no such organization', path: ['_entities', 0, 'name'] },
          { message: 'elsewhere', path: ['somethingElse'] },
        ],
      },
      deduped,
    );
    expect(answer.data!._entities).toEqual([null, { id: 'b' }, null]);
    expect(answer.errors).toEqual([
      { message: 'no such organization', path: ['_entities', 0, 'name'] },
      { message: 'no such organization', path: ['_entities', 2, 'name'] },
      { message: 'elsewhere', path: ['somethingElse'] },
    ]);
  });

  it('returns an answer without entities (e.g. a failed fetch) untouched', () => {
    const deduped = dedupeRepresentations(representations)!;
    const failed = { data: null, errors: [{ message: 'subgraph down' }] };
    expect(expandEntities(failed, deduped)).toBe(failed);
  });
});
