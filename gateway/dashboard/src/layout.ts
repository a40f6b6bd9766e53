// The page frame: static labels in the chosen language, the filter controls, the connection
// state and notices. The structure itself is in index.html.

import { authorization } from './auth';
import { byId, fill, h } from './dom';
import type { ConnectionState } from './feed';
import type { Filters } from './filters';
import { cityName, label, type Language, type Strings } from './i18n';
import type { Count } from './queries';

/** Sets every `data-i18n` element's text, the document language and the header buttons. */
export function applyStrings(strings: Strings, language: Language): void {
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  document.title = `NGO Hub · ${strings.title}`;
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const value = strings[element.dataset.i18n as keyof Strings];
    if (typeof value === 'string') element.textContent = value;
  }
  const toggle = byId('language');
  toggle.textContent = strings.language;
  toggle.setAttribute('aria-label', strings.languageLabel);
  byId('key-button').textContent = authorization() ? `🔑 ${strings.signedIn}` : strings.apiKey;
  byId<HTMLInputElement>('key-input').placeholder = strings.apiKeyPlaceholder;
}

function options(select: HTMLSelectElement, all: string, choices: { value: string; text: string }[], selected: string | null): void {
  fill(
    select,
    h('option', { value: '' }, all),
    choices.map((choice) => h('option', { value: choice.value, selected: choice.value === selected }, choice.text)),
  );
  select.value = selected ?? '';
}

/** The city choices come from the whole sector's counts, the causes from the schema's enum. */
export function renderFilters(strings: Strings, filters: Filters, cities: Count[]): void {
  const named = cities.filter((row): row is Count & { key: string } => row.key !== null);
  options(
    byId('filter-city'),
    strings.allCities,
    named.map((row) => ({ value: row.key, text: `${cityName(strings, row.key)} (${row.count})` })),
    filters.city,
  );
  options(
    byId('filter-cause'),
    strings.allCauses,
    Object.keys(strings.causes).map((cause) => ({ value: cause, text: label(strings.causes, cause) })),
    filters.cause,
  );
  byId<HTMLInputElement>('filter-sourced').checked = filters.sourcedOnly;
}

export function renderFlowControls(strings: Strings, currencies: string[], currency: string | null, years: number[], year: number | null): void {
  const currencySelect = byId<HTMLSelectElement>('flow-currency');
  fill(
    currencySelect,
    currencies.map((code) => h('option', { value: code, selected: code === currency }, code)),
  );
  currencySelect.hidden = currencies.length < 2;
  options(
    byId('flow-year'),
    strings.allYears,
    years.map((value) => ({ value: String(value), text: String(value) })),
    year ? String(year) : null,
  );
}

export function renderConnection(strings: Strings, state: ConnectionState): void {
  const element = byId('connection');
  element.dataset.state = state;
  document.body.dataset.connection = state;
  element.textContent = {
    live: strings.live,
    connecting: strings.connecting,
    reconnecting: strings.reconnecting,
    'catching-up': strings.catchingUp,
    offline: strings.offline,
  }[state];
}

export function showNotice(text: string | null, action?: { label: string; run: () => void }): void {
  const element = byId('notice');
  element.hidden = !text;
  fill(element, text, action ? h('button', { class: 'button ghost', type: 'button' }, action.label) : null);
  if (action) element.querySelector('button')!.addEventListener('click', action.run);
}
