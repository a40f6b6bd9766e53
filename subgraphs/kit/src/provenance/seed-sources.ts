import { Provenance, ProvenanceKind } from './provenance';

/** An article the seed sector is drawn from. */
export interface SeedSource {
  title: string;
  author: string;
  publisher: string;
  issue: string | null;
  published: string | null;
}

/**
 * The two China Development Brief articles the seed sector tells (see SEED-FACTS.md). The
 * SowosSky profile's issue and date are not known to the hub, so they are left empty rather than guessed.
 */
export const SEED_SOURCES = {
  sowossky: {
    title: 'SowosSky (NGO profile)',
    author: 'Li Simin',
    publisher: 'China Development Brief',
    issue: null,
    published: null,
  },
  servicePark: {
    title: 'A Win-Win Situation: The Chengdu NGO Service Park (在磨合中共赢)',
    author: 'Fu Tao',
    publisher: 'China Development Brief',
    issue: 'No. 56, Winter 2012',
    published: 'Winter 2012',
  },
} satisfies Record<string, SeedSource>;

/** When this revision of the seed was written: the `recordedAt` of every seeded record (fixed, so loading again changes nothing). */
export const SEED_REVISION = new Date('2026-12-02T00:00:00.000Z');

/** A seeded record that states what `source` says; `note` says which facts it takes from it. */
export function sourced(source: SeedSource, note?: string): Provenance {
  return Object.assign(new Provenance(), {
    kind: ProvenanceKind.SEED,
    illustrative: false,
    note: note ?? null,
    sourceTitle: source.title,
    sourceAuthor: source.author,
    sourcePublisher: source.publisher,
    sourceIssue: source.issue,
    sourcePublished: source.published,
    recordedAt: SEED_REVISION,
  });
}

/**
 * A seeded record invented to make the seed sector usable: fictional, never a real person or
 * organization. `note` says what it stands for; `source` is the article whose gap it fills, if any.
 */
export function illustrative(note: string, source?: SeedSource): Provenance {
  return Object.assign(sourced(source ?? { title: '', author: '', publisher: '', issue: null, published: null }, `Illustrative (fictional): ${note}`), {
    illustrative: true,
    ...(source ? {} : { sourceTitle: null, sourceAuthor: null, sourcePublisher: null }),
  });
}
