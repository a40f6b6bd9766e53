// The page's text panels: key figures, the tables behind the charts, incubation cohorts, open
// job postings, courses open for enrollment and the live feed's entries.

import { fill, h } from './dom';
import type { ActivityEvent } from './feed';
import { formatDate, formatMoney, formatNumber, formatTime } from './format';
import { cityName, displayName, label, type Language, type Strings } from './i18n';
import type { Count, Courses, FundingFlow, Incubation, Jobs, Money, SectorCounts } from './queries';

export interface View {
  strings: Strings;
  language: Language;
}

function kpi(name: string, title: string, value: string, detail: string): HTMLElement {
  return h(
    'div',
    { class: 'kpi', 'data-kpi': name },
    h('span', { class: 'kpi-title' }, title),
    h('strong', { class: 'value' }, value),
    h('span', { class: 'kpi-detail' }, detail),
  );
}

export interface KeyFigures {
  sector: SectorCounts;
  /** Funding in view, per currency, the largest first. */
  totals: Money[];
  grantCount: number;
  jobs: number;
  courses: number;
  cohorts: number;
  incubated: number;
}

export function renderKpis(element: HTMLElement, { strings, language }: View, figures: KeyFigures): void {
  const registered = figures.sector.byRegistrationStatus.find((row) => row.key === 'REGISTERED')?.count ?? 0;
  const share = figures.sector.organizationCount ? Math.round((registered / figures.sector.organizationCount) * 100) : 0;
  fill(
    element,
    kpi(
      'organizations',
      strings.organizations,
      formatNumber(language, figures.sector.organizationCount),
      strings.inCities(figures.sector.byCity.filter((row) => row.key).length),
    ),
    kpi('registered', strings.registered, formatNumber(language, registered), strings.ofAll(share)),
    kpi(
      'funding',
      strings.fundingAwarded,
      figures.totals.length ? figures.totals.map((money) => formatMoney(language, money, true)).join(' + ') : '—',
      strings.grants(figures.grantCount),
    ),
    kpi('jobs', strings.openJobs, formatNumber(language, figures.jobs), ''),
    kpi('courses', strings.openCourses, formatNumber(language, figures.courses), ''),
    kpi('cohorts', strings.cohorts, formatNumber(language, figures.cohorts), strings.incubatedMembers(figures.incubated)),
  );
}

/** The numbers behind a chart, for screen readers (and anyone who wants the figures). */
export function renderCountTable(table: HTMLTableElement, caption: string, rows: Count[], name: (key: string | null) => string, countLabel: string): void {
  fill(
    table,
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, caption), h('th', { scope: 'col' }, countLabel))),
    h(
      'tbody',
      {},
      rows.map((row) => h('tr', { 'data-key': row.key ?? '' }, h('th', { scope: 'row' }, name(row.key)), h('td', { class: 'count' }, row.count))),
    ),
  );
}

export function renderFlowsTable(table: HTMLTableElement, { strings, language }: View, flows: FundingFlow[]): void {
  fill(
    table,
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [strings.funder, strings.recipient, strings.grantCount, strings.total].map((title) => h('th', { scope: 'col' }, title)),
      ),
    ),
    h(
      'tbody',
      {},
      flows.map((flow) =>
        h(
          'tr',
          {},
          h('td', {}, displayName(language, flow.funder)),
          h('td', {}, displayName(language, flow.recipient)),
          h('td', { class: 'number' }, flow.grantCount),
          h('td', { class: 'number' }, flow.totals.map((money) => formatMoney(language, money)).join(' · ')),
        ),
      ),
    ),
  );
}

function empty(strings: Strings): HTMLElement {
  return h('li', { class: 'empty' }, strings.nothingHere);
}

function more(strings: Strings, shown: number, total: number): HTMLElement | null {
  return total > shown ? h('li', { class: 'more muted' }, strings.more(total - shown)) : null;
}

export function renderIncubation(element: HTMLElement, { strings, language }: View, data: Incubation): void {
  const programmes = data.incubationProgrammes.nodes;
  if (!programmes.length) return fill(element, empty(strings));
  fill(
    element,
    programmes.map((programme) =>
      h(
        'li',
        { class: 'programme' },
        h('div', { class: 'item-title' }, displayName(language, programme)),
        h('div', { class: 'item-meta' }, `${displayName(language, programme.incubator)} · ${cityName(strings, programme.city)}`),
        programme.cohorts.nodes.length
          ? h(
              'ol',
              { class: 'cohorts' },
              programme.cohorts.nodes.map((cohort) =>
                h(
                  'li',
                  { class: 'cohort' },
                  h('span', { class: 'cohort-year' }, cohort.year),
                  h('span', { class: 'cohort-name' }, cohort.name),
                  h('span', { class: 'badge' }, `${cohort.members.totalCount} ${strings.members}`),
                ),
              ),
            )
          : h('div', { class: 'item-meta muted' }, strings.noCohortsYet),
      ),
    ),
    more(strings, programmes.length, data.incubationProgrammes.totalCount),
  );
}

export function renderJobs(element: HTMLElement, count: HTMLElement, { strings, language }: View, data: Jobs): void {
  const postings = data.jobPostings.nodes;
  count.textContent = formatNumber(language, data.jobPostings.totalCount);
  if (!postings.length) return fill(element, empty(strings));
  fill(
    element,
    postings.map((posting) =>
      h(
        'li',
        { class: 'job', 'data-id': posting.id },
        h('div', { class: 'item-title' }, displayName(language, posting)),
        h('div', { class: 'item-meta' }, displayName(language, posting.organization)),
        h(
          'div',
          { class: 'tags' },
          h('span', { class: 'tag' }, label(strings.jobKinds, posting.kind)),
          posting.city ? h('span', { class: 'tag' }, cityName(strings, posting.city)) : null,
          posting.remote ? h('span', { class: 'tag' }, strings.remote) : null,
          posting.closesOn ? h('span', { class: 'tag muted' }, strings.closesOn(formatDate(language, posting.closesOn))) : null,
        ),
      ),
    ),
    more(strings, postings.length, data.jobPostings.totalCount),
  );
}

export function renderCourses(element: HTMLElement, count: HTMLElement, { strings, language }: View, data: Courses): void {
  const courses = data.courses.nodes;
  count.textContent = formatNumber(language, data.courses.totalCount);
  if (!courses.length) return fill(element, empty(strings));
  fill(
    element,
    courses.map((course) => {
      const filled = course.capacity ? Math.min(100, Math.round((course.enrolledCount / course.capacity) * 100)) : 0;
      return h(
        'li',
        { class: 'course', 'data-id': course.id },
        h('div', { class: 'item-title' }, displayName(language, course)),
        h('div', { class: 'item-meta' }, `${strings.offeredBy}: ${course.offeredBy.map((org) => displayName(language, org)).join(', ')}`),
        h(
          'div',
          { class: 'tags' },
          h('span', { class: 'tag' }, label(strings.courseKinds, course.kind)),
          course.online || course.city ? h('span', { class: 'tag' }, course.online ? strings.online : cityName(strings, course.city)) : null,
          h('span', { class: 'tag muted' }, strings.startsOn(formatDate(language, course.startsOn))),
        ),
        course.capacity
          ? h(
              'div',
              { class: 'seats' },
              h(
                'div',
                { class: 'meter', role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': course.capacity, 'aria-valuenow': course.enrolledCount },
                h('span', { style: `width:${filled}%` }),
              ),
              h('span', { class: 'muted' }, strings.seatsLeft(course.seatsLeft ?? 0)),
            )
          : h('div', { class: 'seats muted' }, strings.noLimit),
      );
    }),
    more(strings, courses.length, data.courses.totalCount),
  );
}

/** One entry of the live feed; in Chinese it is composed from the event's fields, names in Chinese. */
export function feedEntry({ strings, language }: View, event: ActivityEvent, fresh: boolean): HTMLElement {
  const subject =
    event.kind === 'GRANT_AWARDED' && event.grant
      ? `${displayName(language, event.grant.funder)} → ${displayName(language, event.grant.recipient)} · ${formatMoney(language, event.grant.amountAwarded)}`
      : event.kind === 'JOB_POSTED' && event.jobPosting
        ? `${displayName(language, event.jobPosting.organization)} · ${displayName(language, event.jobPosting)}`
        : event.kind === 'ENROLLMENT_CHANGED' && event.enrollment
          ? `${displayName(language, event.enrollment.course)} · ${label(strings.enrollment, event.enrollment.status)}`
          : event.organization
            ? displayName(language, event.organization)
            : '';
  const text = language === 'zh' ? subject || event.summary : event.summary;
  return h(
    'li',
    { class: `feed-item${fresh ? ' fresh' : ''}`, 'data-kind': event.kind, 'data-event-id': event.eventId },
    h('span', { class: 'feed-kind' }, label(strings.activity, event.kind)),
    h('p', { class: 'feed-text' }, text),
    h(
      'div',
      { class: 'feed-meta muted' },
      h('time', { datetime: event.occurredAt }, formatTime(language, event.occurredAt)),
      event.city ? ` · ${cityName(strings, event.city)}` : '',
      language === 'en' && subject && !event.summary.includes(subject) ? ` · ${subject}` : '',
    ),
  );
}
