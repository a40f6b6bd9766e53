import type { EntityManager } from '@mikro-orm/postgresql';
import { definePageLoader, encodeCursor, isUuid, pageRequest, today, UserInputError, type ConnectionArgs, type Page, type PageRequest } from '@ngo-hub/kit';
import { CLOSED_APPLICATION_STATUSES } from '../entities/job-application';
import { JobPosting, JobPostingStatus } from '../entities/job-posting';
import { Person, ProfileVisibility } from '../entities/person';
import { QualificationKind, SOCIAL_WORK_LEVELS } from '../entities/qualification';
import { CandidateSuggestion, PostingSuggestion, type MatchExplanation } from '../types/suggestion';

/** What a match is worth; `MatchExplanation.score` documents the same weights. */
export const MATCH_WEIGHTS = { sharedSkill: 2, sameCity: 1, qualificationMet: 1 } as const;

const sqlList = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
const LEVELS = `array[${sqlList(SOCIAL_WORK_LEVELS)}]::text[]`;

/** A person's highest social-work level as a rank (1 = assistant … 3 = senior; null: none). */
const highestRank = (person: string) =>
  `(select max(array_position(${LEVELS}, q.level)) from people.qualification q where q.person_id = ${person}.id and q.kind = '${QualificationKind.SOCIAL_WORK}')`;

/**
 * The explanation of a match between `person` and `posting` (SQL aliases), and the condition for
 * them to be matched at all: a shared skill or the same city. Skills are compared through the
 * lower-cased `skill_keys` columns (GIN-indexed); matched skills keep the posting's spelling and order.
 */
const explained = (person: string, posting: string) => `
  array(select s from unnest(${posting}.skills) with ordinality as u(s, n) where lower(s) = any(${person}.skill_keys) order by n) as matched_skills,
  coalesce(lower(${person}.city) = lower(${posting}.city), false) as same_city,
  (${posting}.minimum_qualification is null or coalesce(${highestRank(person)}, 0) >= array_position(${LEVELS}, ${posting}.minimum_qualification)) as qualification_met`;
const related = (person: string, posting: string) => `(${person}.skill_keys && ${posting}.skill_keys or lower(${person}.city) = lower(${posting}.city))`;
const noActiveApplication = (person: string, posting: string) =>
  `not exists (select 1 from people.job_application a where a.posting_id = ${posting}.id and a.person_id = ${person}.id and a.status not in (${sqlList(CLOSED_APPLICATION_STATUSES)}))`;

/**
 * Scores the matched pairs, counts them per parent, and keeps the page of each parent (best score
 * first, then id) after the cursor: every parent's page in one statement, whatever their number.
 * `matched` yields (parent_id, node_id, matched_skills, same_city, qualification_met).
 */
function rankedPages(matched: string, nodeTable: string, after: string): string {
  return `
    with matched as (${matched}),
    scored as (
      select *, ${MATCH_WEIGHTS.sharedSkill} * cardinality(matched_skills) + ${MATCH_WEIGHTS.sameCity} * same_city::int
        + ${MATCH_WEIGHTS.qualificationMet} * qualification_met::int as score
      from matched
    ),
    totals as (select parent_id, count(*)::int as total from scored group by parent_id),
    ranked as (
      select scored.*, row_number() over (partition by parent_id order by score desc, node_id) as rank
      from scored where ${after}
    )
    select totals.parent_id as __parent, totals.total as __total, ranked.score as __score, ranked.matched_skills as __matched_skills,
      ranked.same_city as __same_city, ranked.qualification_met as __qualification_met, node.*
    from totals
    left join ranked on ranked.parent_id = totals.parent_id and ranked.rank <= ?
    left join ${nodeTable} node on node.id = ranked.node_id
    order by totals.parent_id, ranked.rank`;
}

/** Open postings for people: the posting takes applications today and the person has no application to it in play. */
const postingsForPeople = (after: string) =>
  rankedPages(
    `select person.id as parent_id, posting.id as node_id, ${explained('person', 'posting')}
     from people.person person
     join people.job_posting posting on ${related('person', 'posting')}
     where person.id = any(cast(? as uuid[]))
       and posting.status = '${JobPostingStatus.OPEN}'
       and (posting.opens_on is null or posting.opens_on <= cast(? as date))
       and (posting.closes_on is null or posting.closes_on >= cast(? as date))
       and ${noActiveApplication('person', 'posting')}`,
    'people.job_posting',
    after,
  );

/** Candidates for postings: people open to work whose profile is not PRIVATE, without an application to it in play. */
const peopleForPostings = (after: string) =>
  rankedPages(
    `select posting.id as parent_id, person.id as node_id, ${explained('person', 'posting')}
     from people.job_posting posting
     join people.person person on ${related('person', 'posting')}
     where posting.id = any(cast(? as uuid[]))
       and person.open_to_work and person.visibility <> '${ProfileVisibility.PRIVATE}'
       and ${noActiveApplication('person', 'posting')}`,
    'people.person',
    after,
  );

/** The keyset "after this (score, id)" in best-first order, with its bindings. */
function afterClause(request: PageRequest): { sql: string; bindings: unknown[] } {
  if (!request.after) return { sql: 'true', bindings: [] };
  const { value, id } = request.after;
  return { sql: '(score < ? or (score = ? and node_id > cast(? as uuid)))', bindings: [value, value, id] };
}

function suggestionRequest(args: ConnectionArgs): PageRequest {
  const request = pageRequest(args);
  if (request.after && (!Number.isInteger(request.after.value) || !isUuid(request.after.id))) {
    throw new UserInputError('after is not a cursor this list gave out; use a pageInfo.endCursor', 'after');
  }
  return request;
}

type Row = Record<string, unknown> & {
  __parent: string;
  __total: number;
  __score: number | null;
  __matched_skills: string[];
  __same_city: boolean;
  __qualification_met: boolean;
};

/** Runs a ranked-pages statement and builds one page per parent, in the order of `parentIds`. */
async function suggestionPages<N extends object, S extends MatchExplanation>(
  em: EntityManager,
  parentIds: readonly string[],
  args: ConnectionArgs,
  statement: (after: string) => string,
  leading: unknown[],
  node: { entity: new () => N; wrap: (node: N, explanation: MatchExplanation) => S; id: (suggestion: S) => string },
): Promise<Page<S>[]> {
  const request = suggestionRequest(args);
  const wanted = parentIds.filter(isUuid);
  const empty = (): Page<S> => ({
    edges: [],
    nodes: [],
    totalCount: 0,
    pageInfo: { hasNextPage: false, hasPreviousPage: request.after !== undefined, startCursor: null, endCursor: null },
  });
  if (wanted.length === 0) return parentIds.map(() => empty());
  const after = afterClause(request);
  // knex spreads an array binding into a list, so the ids (checked UUIDs) go as one array literal.
  const ids = `{${wanted.join(',')}}`;
  const rows = await em.getConnection().execute<Row[]>(statement(after.sql), [ids, ...leading, ...after.bindings, request.first + 1]);
  const byParent = new Map<string, { total: number; suggestions: S[] }>();
  for (const { __parent, __total, __score, __matched_skills, __same_city, __qualification_met, ...columns } of rows) {
    const entry = byParent.get(__parent) ?? { total: __total, suggestions: [] };
    byParent.set(__parent, entry);
    if (__score === null) continue;
    const explanation = { score: __score, matchedSkills: __matched_skills, sameCity: __same_city, qualificationMet: __qualification_met };
    entry.suggestions.push(node.wrap(em.map(node.entity, columns as never), explanation));
  }
  return parentIds.map((parentId) => {
    const entry = byParent.get(parentId);
    if (!entry) return empty();
    const nodes = entry.suggestions.slice(0, request.first);
    const edges = nodes.map((suggestion) => ({ node: suggestion, cursor: encodeCursor(suggestion.score, node.id(suggestion)) }));
    return {
      edges,
      nodes,
      totalCount: entry.total,
      pageInfo: {
        hasNextPage: entry.suggestions.length > request.first,
        hasPreviousPage: request.after !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  });
}

/** `Person.suggestedPostings` for every person of a request, in one statement. */
export const suggestedPostingsOfPerson = definePageLoader<PostingSuggestion, ConnectionArgs>('suggestedPostingsOfPerson', (personIds, args, ctx) => {
  const on = today();
  return suggestionPages(ctx.em, personIds, args, postingsForPeople, [on, on], {
    entity: JobPosting,
    wrap: (posting, explanation) => Object.assign(new PostingSuggestion(), explanation, { posting }),
    id: (suggestion) => suggestion.posting.id,
  });
});

/** `JobPosting.suggestedCandidates` for every posting of a request, in one statement. */
export const suggestedCandidatesOfPosting = definePageLoader<CandidateSuggestion, ConnectionArgs>('suggestedCandidatesOfPosting', (postingIds, args, ctx) =>
  suggestionPages(ctx.em, postingIds, args, peopleForPostings, [], {
    entity: Person,
    wrap: (person, explanation) => Object.assign(new CandidateSuggestion(), explanation, { person }),
    id: (suggestion) => suggestion.person.id,
  }),
);
