// The sector dashboard: loads the sector with one query, draws it, and keeps it current from the
// live `sectorActivity` feed by refreshing only the parts an event touched.

import './style.css';
import { ApiError, request } from './api';
import { authorization, signIn, signOut } from './auth';
import { awardsPerYearOption, barOption, cityLabel, createChart, donutOption, enumLabel, sankeyOption } from './charts';
import { byId, fill } from './dom';
import { LiveFeed, partsAffectedBy, type ActivityEvent, type ConnectionState } from './feed';
import { filtersFromHash, hashFromFilters, matchesFilters, NO_FILTERS, type Filters } from './filters';
import { formatTime, sumByCurrency } from './format';
import { initialLanguage, rememberLanguage, stringsFor, type Language } from './i18n';
import { applyStrings, renderConnection, renderFilters, renderFlowControls, showNotice } from './layout';
import { feedEntry, renderCountTable, renderCourses, renderFlowsTable, renderIncubation, renderJobs, renderKpis, type View } from './panels';
import { ALL_PARTS, DASHBOARD_QUERY, PART_QUERIES, variablesOf, type Dashboard, type Part } from './queries';

const FEED_LENGTH = 40;
/** Events arriving together (a bulk change) cause one refresh. */
const REFRESH_DEBOUNCE_MS = 60;

let language: Language = initialLanguage();
let filters: Filters = filtersFromHash(location.hash);
let data: Dashboard | null = null;
let flowCurrency: string | null = null;
let connection: ConnectionState = 'connecting';
const events: ActivityEvent[] = [];
const seen = new Set<string>();

const charts = {
  city: createChart(byId('chart-city')),
  kind: createChart(byId('chart-kind')),
  registration: createChart(byId('chart-registration')),
  cause: createChart(byId('chart-cause')),
  flows: createChart(byId('chart-flows')),
  years: createChart(byId('chart-years')),
};

function view(): View {
  return { strings: stringsFor(language), language };
}

function renderSector(current: Dashboard): void {
  const { strings } = view();
  const cities = cityLabel(strings);
  const kinds = enumLabel(strings.kinds);
  const statuses = enumLabel(strings.registration);
  const causes = enumLabel(strings.causes);
  const { sector } = current;
  charts.city.update(barOption(sector.byCity, cities, filters.city));
  charts.kind.update(donutOption(sector.byKind, kinds, sector.organizationCount, language));
  charts.registration.update(donutOption(sector.byRegistrationStatus, statuses, sector.organizationCount, language));
  charts.cause.update(barOption(sector.byCauseArea, causes, filters.cause));
  renderCountTable(byId('table-city'), strings.byCity, sector.byCity, cities, strings.count);
  renderCountTable(byId('table-kind'), strings.byKind, sector.byKind, kinds, strings.count);
  renderCountTable(byId('table-registration'), strings.byRegistration, sector.byRegistrationStatus, statuses, strings.count);
  renderCountTable(byId('table-cause'), strings.byCause, sector.byCauseArea, causes, strings.count);
  renderFilters(strings, filters, current.allCities.byCity);
}

function grantsInView(current: Dashboard) {
  return current.recentGrants.nodes.filter((grant) => !filters.city || grant.recipient.city === filters.city);
}

function renderFunding(current: Dashboard): void {
  const { strings } = view();
  const flows = current.fundingFlows.nodes;
  const currencies = sumByCurrency(flows.flatMap((flow) => flow.totals)).map((money) => money.currency);
  if (!flowCurrency || !currencies.includes(flowCurrency)) flowCurrency = currencies[0] ?? null;
  // every year from this one back to the earliest award seen (at least 15 years), so a year
  // older than the most recent grants can still be chosen
  const seen = current.recentGrants.nodes.map((grant) => Number(grant.awardDate.slice(0, 4)));
  const thisYear = new Date().getFullYear();
  const earliest = Math.min(thisYear - 15, filters.year ?? thisYear, ...seen);
  const years = Array.from({ length: thisYear - earliest + 1 }, (_, i) => thisYear - i);
  renderFlowControls(strings, currencies, flowCurrency, years, filters.year);
  charts.flows.update(sankeyOption(flows, flowCurrency ?? '', language, charts.flows.roomy()));
  renderFlowsTable(byId('table-flows'), view(), flows);
  const grants = grantsInView(current);
  charts.years.update(awardsPerYearOption(grants, strings, language));
  const partial = current.recentGrants.totalCount > current.recentGrants.nodes.length;
  byId('awards-note').textContent = partial ? strings.awardsPerYearNote(current.recentGrants.nodes.length) : '';
}

function renderKeyFigures(current: Dashboard): void {
  const flows = current.fundingFlows.nodes;
  const cohorts = current.incubationProgrammes.nodes.flatMap((programme) => programme.cohorts.nodes);
  renderKpis(byId('kpis'), view(), {
    sector: current.sector,
    totals: sumByCurrency(flows.flatMap((flow) => flow.totals)),
    grantCount: flows.reduce((sum, flow) => sum + flow.grantCount, 0),
    jobs: current.jobPostings.totalCount,
    courses: current.courses.totalCount,
    cohorts: current.incubationProgrammes.nodes.reduce((sum, programme) => sum + programme.cohorts.totalCount, 0),
    incubated: cohorts.reduce((sum, cohort) => sum + cohort.members.totalCount, 0),
  });
}

function render(parts: readonly Part[]): void {
  if (!data) return;
  if (parts.includes('sector')) renderSector(data);
  if (parts.includes('funding')) renderFunding(data);
  if (parts.includes('incubation')) renderIncubation(byId('incubation'), view(), data);
  if (parts.includes('jobs')) renderJobs(byId('jobs'), byId('jobs-count'), view(), data);
  if (parts.includes('courses')) renderCourses(byId('courses'), byId('courses-count'), view(), data);
  renderKeyFigures(data);
  byId('updated').textContent = view().strings.updated(formatTime(language, new Date().toISOString()));
}

function renderFeed(): void {
  const feed = byId('feed');
  if (!events.length) return fill(feed, Object.assign(document.createElement('li'), { className: 'empty', textContent: view().strings.feedEmpty }));
  fill(
    feed,
    events.map((event) => feedEntry(view(), event, false)),
  );
}

let loading: AbortController | null = null;

/**
 * Loads the whole page with one request (a newer load cancels an older one), or refreshes the
 * given parts with one small request each.
 */
async function load(parts: readonly Part[]): Promise<void> {
  const whole = parts.length === ALL_PARTS.length;
  if (whole) loading?.abort();
  const controller = new AbortController();
  if (whole) loading = controller;
  const asked = hashFromFilters(filters);
  try {
    const answers = whole
      ? [await request<Partial<Dashboard>>(DASHBOARD_QUERY, variablesOf(ALL_PARTS, filters), controller.signal)]
      : await Promise.all(parts.map((part) => request<Partial<Dashboard>>(PART_QUERIES[part], variablesOf([part], filters), controller.signal)));
    if (asked !== hashFromFilters(filters)) return;
    data = Object.assign({ ...(data as Dashboard) }, ...answers);
    showNotice(null);
    document.body.dataset.loaded = 'true';
    render(parts);
  } catch (error) {
    if ((error as Error).name === 'AbortError') return;
    const { strings } = view();
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED' && authorization()) {
      showNotice(strings.unauthenticated, { label: strings.signOut, run: () => changeCredentials(null) });
    } else {
      showNotice(`${strings.loadFailed}: ${(error as Error).message}`, { label: strings.retry, run: () => void load(ALL_PARTS) });
    }
  }
}

let pending = new Set<Part>();
let timer: ReturnType<typeof setTimeout> | null = null;

function scheduleRefresh(parts: Part[]): void {
  for (const part of parts) pending.add(part);
  if (timer) return;
  timer = setTimeout(() => {
    timer = null;
    const due = [...pending];
    pending = new Set();
    void load(due);
  }, REFRESH_DEBOUNCE_MS);
}

const feed = new LiveFeed({
  onEvent(event) {
    if (seen.has(event.eventId)) return;
    if (!event.matches || !matchesFilters(filters, event.city, event.causes)) {
      // it left the filtered view: the counts change, the feed shows only what is in view
      seen.add(event.eventId);
      return scheduleRefresh(partsAffectedBy(event.kind));
    }
    seen.add(event.eventId);
    events.unshift(event);
    events.length = Math.min(events.length, FEED_LENGTH);
    const list = byId('feed');
    list.querySelector('.empty')?.remove();
    list.prepend(feedEntry(view(), event, true));
    while (list.children.length > FEED_LENGTH) list.lastElementChild!.remove();
    scheduleRefresh(partsAffectedBy(event.kind));
  },
  onState(state) {
    connection = state;
    renderConnection(view().strings, state);
  },
  onError(message) {
    console.warn(`live updates: ${message}`);
  },
  onGap() {
    void load(ALL_PARTS);
  },
});

function setFilters(next: Filters): void {
  filters = next;
  const hash = hashFromFilters(filters);
  history.replaceState(null, '', hash || location.pathname);
  void load(ALL_PARTS);
  feed.start(filters);
}

function setLanguage(next: Language): void {
  language = next;
  rememberLanguage(language);
  applyStrings(view().strings, language);
  renderConnection(view().strings, connection);
  render(ALL_PARTS);
  renderFeed();
}

function changeCredentials(pasted: string | null): void {
  if (pasted) signIn(pasted);
  else signOut();
  applyStrings(view().strings, language);
  void load(ALL_PARTS);
  feed.start(filters);
}

function bindControls(): void {
  byId('language').addEventListener('click', () => setLanguage(language === 'zh' ? 'en' : 'zh'));
  byId<HTMLSelectElement>('filter-city').addEventListener('change', (e) => setFilters({ ...filters, city: (e.target as HTMLSelectElement).value || null }));
  byId<HTMLSelectElement>('filter-cause').addEventListener('change', (e) => setFilters({ ...filters, cause: (e.target as HTMLSelectElement).value || null }));
  byId<HTMLInputElement>('filter-sourced').addEventListener('change', (e) => setFilters({ ...filters, sourcedOnly: (e.target as HTMLInputElement).checked }));
  byId('filter-reset').addEventListener('click', () => setFilters(NO_FILTERS));
  byId<HTMLSelectElement>('flow-year').addEventListener('change', (e) => {
    const year = Number((e.target as HTMLSelectElement).value);
    filters = { ...filters, year: year || null };
    history.replaceState(null, '', hashFromFilters(filters) || location.pathname);
    void load(['funding']);
  });
  byId<HTMLSelectElement>('flow-currency').addEventListener('change', (e) => {
    flowCurrency = (e.target as HTMLSelectElement).value;
    if (data) renderFunding(data);
  });
  let roomy = charts.flows.roomy();
  charts.flows.onResize(() => {
    if (roomy === charts.flows.roomy() || !data) return;
    roomy = charts.flows.roomy();
    renderFunding(data);
  });
  charts.city.onSelect((city) => setFilters({ ...filters, city: filters.city === city ? null : city }));
  charts.cause.onSelect((cause) => setFilters({ ...filters, cause: filters.cause === cause ? null : cause }));

  const dialog = byId<HTMLDialogElement>('key-dialog');
  const input = byId<HTMLInputElement>('key-input');
  byId('key-button').addEventListener('click', () => {
    input.value = '';
    dialog.showModal();
  });
  byId('key-cancel').addEventListener('click', () => dialog.close());
  byId('key-clear').addEventListener('click', () => {
    dialog.close();
    changeCredentials(null);
  });
  byId('key-form').addEventListener('submit', () => {
    if (input.value.trim()) changeCredentials(input.value);
  });
  window.addEventListener('hashchange', () => {
    const next = filtersFromHash(location.hash);
    if (hashFromFilters(next) !== hashFromFilters(filters)) setFilters(next);
  });
}

applyStrings(view().strings, language);
renderConnection(view().strings, connection);
renderFeed();
bindControls();
void load(ALL_PARTS);
feed.start(filters);
