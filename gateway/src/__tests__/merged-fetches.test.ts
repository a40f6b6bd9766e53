import { parse, print } from 'graphql';
import { FetchMerger, isMergeableEntitiesQuery, mergedQuery, mergedVariables, splitAnswer, type FetchAnswer } from '../merged-fetches';

// entity fetches as @apollo/gateway's planner writes them (the dashboard's funders and providers)
const FUNDERS = 'query Dashboard__organizations__2($representations:[_Any!]!){_entities(representations:$representations){...on Organization{name}}}';
const PROVIDERS =
  'query Dashboard__organizations__5($representations:[_Any!]!,$locale:String){_entities(representations:$representations){...F}} fragment F on Organization{name(locale:$locale) id}';

describe('merged entity fetches: one request for the entity fetches an operation runs side by side', () => {
  it('takes only a single query whose one root field is an unaliased _entities', () => {
    expect(isMergeableEntitiesQuery(FUNDERS)).toBe(true);
    expect(isMergeableEntitiesQuery(PROVIDERS)).toBe(true);
    expect(isMergeableEntitiesQuery('query Q__organizations__0($city:String){organizations(filter:{city:$city}){nodes{id}}}')).toBe(false);
    expect(isMergeableEntitiesQuery('query($r:[_Any!]!){e:_entities(representations:$r){__typename}}')).toBe(false);
    expect(isMergeableEntitiesQuery('query($r:[_Any!]!){_entities(representations:$r){__typename} _service{sdl}}')).toBe(false);
    expect(isMergeableEntitiesQuery('mutation($r:[_Any!]!){_entities(representations:$r){__typename}}')).toBe(false);
    expect(isMergeableEntitiesQuery('query {')).toBe(false);
  });

  it('renames each fetch’s variables and fragments apart and aliases its _entities by its position', () => {
    const merged = mergedQuery([FUNDERS, PROVIDERS]);
    expect(print(parse(merged))).toBe(
      print(
        parse(`query Dashboard__organizations__2__merged_2($representations_0: [_Any!]!, $representations_1: [_Any!]!, $locale_1: String) {
          _0: _entities(representations: $representations_0) { ... on Organization { name } }
          _1: _entities(representations: $representations_1) { ...F_1 }
        }
        fragment F_1 on Organization { name(locale: $locale_1) id }`),
      ),
    );
    expect(mergedQuery([FUNDERS, PROVIDERS])).toBe(merged);
    expect(mergedVariables([{ representations: [1] }, { representations: [2], locale: 'zh' }])).toEqual({
      representations_0: [1],
      representations_1: [2],
      locale_1: 'zh',
    });
  });

  it('gives each fetch its own entities and the errors under its alias, paths from _entities again; an error without a path to each', () => {
    const answer: FetchAnswer = {
      data: { _0: [{ name: 'A' }, null], _1: [{ name: 'B' }] },
      errors: [
        { message: 'hidden', path: ['_0', 1, 'name'] },
        { message: 'late', path: ['_1', 0] },
        { message: 'whole request', extensions: { code: 'X' } },
      ],
    };
    expect(splitAnswer(answer, 2)).toEqual([
      {
        data: { _entities: [{ name: 'A' }, null] },
        errors: [
          { message: 'hidden', path: ['_entities', 1, 'name'] },
          { message: 'whole request', extensions: { code: 'X' } },
        ],
      },
      {
        data: { _entities: [{ name: 'B' }] },
        errors: [
          { message: 'late', path: ['_entities', 0] },
          { message: 'whole request', extensions: { code: 'X' } },
        ],
      },
    ]);
    expect(splitAnswer({ data: null, errors: [{ message: 'down' }] }, 2)).toEqual([
      { data: null, errors: [{ message: 'down' }] },
      { data: null, errors: [{ message: 'down' }] },
    ]);
    expect(splitAnswer({ data: { _0: [] } }, 2)[1]).toEqual({ data: { _entities: null }, errors: undefined });
  });

  describe('FetchMerger', () => {
    type Options = { request: { query?: string; variables?: Record<string, unknown> } };
    function recording() {
      const sent: Options[] = [];
      const merger = new FetchMerger<Options>(
        async (options) => {
          sent.push(options);
          const aliases = [...(options.request.query ?? '').matchAll(/(_\d+): _entities/g)].map((m) => m[1]);
          if (!aliases.length) return { data: { _entities: [options.request.variables?.representations] } };
          return { data: Object.fromEntries(aliases.map((alias) => [alias, [options.request.variables?.[`representations${alias}`]]])) };
        },
        (first, query, variables) => ({ ...first, request: { query, variables } }),
      );
      return { sent, merger };
    }

    it('sends the fetches one operation starts in the same tick as one request, and answers each with its own part', async () => {
      const { sent, merger } = recording();
      const operation = {};
      const answers = await Promise.all([
        merger.add(operation, { request: { query: FUNDERS, variables: { representations: ['f'] } } }),
        merger.add(operation, { request: { query: PROVIDERS, variables: { representations: ['p'] } } }),
      ]);
      expect(sent).toHaveLength(1);
      expect(sent[0].request.variables).toEqual({ representations_0: ['f'], representations_1: ['p'] });
      expect(answers.map((a) => a.data)).toEqual([{ _entities: [['f']] }, { _entities: [['p']] }]);
    });

    it('merges at most 16 fetches per request', async () => {
      const { sent, merger } = recording();
      const operation = {};
      const answers = await Promise.all(
        Array.from({ length: 17 }, (_, i) => merger.add(operation, { request: { query: FUNDERS, variables: { representations: [i] } } })),
      );
      expect(sent.map((options) => Object.keys(options.request.variables ?? {}).length)).toEqual([16, 1]);
      expect(answers.map((a) => a.data)).toEqual(Array.from({ length: 17 }, (_, i) => ({ _entities: [[i]] })));
    });

    it('never merges fetches of different operations, and sends a fetch alone as it is', async () => {
      const { sent, merger } = recording();
      const alone = { request: { query: FUNDERS, variables: { representations: ['a'] } } };
      await Promise.all([merger.add({}, alone), merger.add({}, { request: { query: PROVIDERS, variables: { representations: ['b'] } } })]);
      expect(sent).toHaveLength(2);
      expect(sent[0]).toBe(alone);
    });

    it('fails every fetch of a merged request that failed', async () => {
      const merger = new FetchMerger<Options>(
        () => Promise.reject(new Error('subgraph down')),
        (first) => first,
      );
      const operation = {};
      const results = await Promise.allSettled([
        merger.add(operation, { request: { query: FUNDERS } }),
        merger.add(operation, { request: { query: PROVIDERS } }),
      ]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    });
  });
});
