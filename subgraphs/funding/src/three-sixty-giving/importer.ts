import { ConnectionException, DeadlockException, DriverException, LockWaitTimeoutException, type EntityManager } from '@mikro-orm/postgresql';
import { newId, UserInputError, pgArray, query, tableOf } from '@ngo-hub/kit';
import { FundingKind, FundingProgramme } from '../entities/funding-programme';
import { Grant } from '../entities/grant';
import { OrganizationIdentifier } from '../entities/organization-identifier';
import type { NewOrganization, OrganizationDirectory } from '../services/organization-directory';
import { Disbursement } from '../entities/disbursement';
import { AmbiguousDateError, DateReader, type DateOrder } from './dates';
import { JsonSyntaxError } from './exact-json';
import { readGrants, type GrantFormat, type GrantItem, type GrantSource } from './grant-source';
import { readGrantRecord, type GrantRecord, type OrganizationMention } from './grant-record';

/** A grant of the file that was not imported, and why. */
export interface RejectedGrant {
  /** Place of the grant: JSON, in the file's `grants` array from 1; CSV and XLSX, its spreadsheet row (the header is row 1). */
  row: number;
  /** Its 360Giving id, when it had a readable one. */
  id?: string;
  /** The 360Giving field at fault, e.g. `amountAwarded` or `recipientOrganization.0.id`. */
  field: string;
  message: string;
}

export interface ImportProgress {
  read: number;
  /** Grants new to the hub, written. */
  added: number;
  /** Grants the hub had whose content the file changed, updated. */
  updated: number;
  /** Grants the hub had as the file has them, left as they are. */
  unchanged: number;
  /** Grants not imported, each in `rejections` with its reason. */
  refused: number;
  bytesRead: number;
}

export interface ImportReport extends ImportProgress {
  file: string;
  format: GrantFormat;
  rejections: RejectedGrant[];
  organizationsCreated: number;
  organizationsMatched: number;
  programmesCreated: number;
  /** The day/month order the file's numeric dates were read in, and what settled it. */
  dateOrder?: { order: DateOrder; from: string };
  seconds: number;
  /** Why the file could not be read (to its end): not a 360Giving package or spreadsheet, or cut short. */
  fileError?: string;
}

export interface ImportOptions {
  /** Grants written per transaction (default 2000). */
  batchSize?: number;
  /** How the file writes day and month (21/11/2017 is dmy); by default what its dates show. */
  dateOrder?: DateOrder;
  onProgress?: (progress: ImportProgress) => void;
}

/** Kinds given to organizations the import creates: 360Giving says only who gave and who received. */
const RECIPIENT_KIND = 'NGO';
const FUNDER_KIND = 'FOUNDATION';

/** Batches written at the same time, each in its own transaction and connection. */
const PARALLEL_WRITES = 3;

/** A grant the hub already has: its row id and the hash of its content as last imported. */
interface Existing {
  id: string;
  contentHash: string | null;
}

/**
 * Imports a 360Giving file (a JSON package, or CSV or XLSX in the standard's spreadsheet layout):
 * - each grant is checked on its own; a bad one is reported (row, id, field, reason) and skipped;
 * - a grant the hub has (by 360Giving id) is updated when the file's content differs from what was
 *   last imported, else left as it is: importing a file twice changes nothing;
 * - organizations are found by org-id (this subgraph's `organization_identifier` table, then the
 *   organizations subgraph's `orgIds`) or created through the organizations subgraph's API, with
 *   the org-id and the country the file gives;
 * - the funder's programme is found by its grantProgramme code, or created;
 * - grants are written in batches, each batch (with its new programmes) in one transaction.
 */
export async function import360Giving(
  em: EntityManager,
  directory: OrganizationDirectory,
  source: GrantSource,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const run = new GrantImport(em, directory, source, options);
  return run.run();
}

class GrantImport {
  private readonly started = Date.now();
  private readonly importedAt = new Date().toISOString();
  private readonly batchSize: number;
  private readonly progress: ImportProgress = { read: 0, added: 0, updated: 0, unchanged: 0, refused: 0, bytesRead: 0 };
  private readonly rejections: RejectedGrant[] = [];
  private readonly seen = new Map<string, number>();
  private readonly organizations = new Map<string, string>();
  private readonly refusedOrganizations = new Map<string, string>();
  private readonly programmes = new Map<string, string>();
  private readonly dates: DateReader;
  /** Grants whose dates could be read both ways, held until a later date settles the file's order. */
  private held: GrantItem[] = [];
  private organizationsCreated = 0;
  private organizationsMatched = 0;
  private programmesCreated = 0;
  private readonly pending: GrantRecord[] = [];
  private readonly writing = new Set<Promise<void>>();

  constructor(
    private readonly em: EntityManager,
    private readonly directory: OrganizationDirectory,
    private readonly source: GrantSource,
    private readonly options: ImportOptions,
  ) {
    this.batchSize = options.batchSize ?? 2000;
    this.dates = new DateReader(options.dateOrder);
  }

  async run(): Promise<ImportReport> {
    let fileError: string | undefined;
    try {
      for await (const items of readGrants(this.source, (bytes) => (this.progress.bytesRead = bytes))) {
        this.progress.read += items.length;
        this.pending.push(...this.check(items));
        while (this.pending.length >= this.batchSize) await this.write(this.pending.splice(0, this.batchSize));
      }
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      // the grants read whole before the break are as good as any: they are imported, the rest cannot be read
      fileError = error.message;
    }
    this.pending.push(...this.check([], true));
    while (this.pending.length) await this.write(this.pending.splice(0, this.batchSize));
    await Promise.all(this.writing);
    this.rejections.sort((a, b) => a.row - b.row);
    return {
      ...this.progress,
      file: this.source.name,
      format: this.source.format,
      rejections: this.rejections,
      organizationsCreated: this.organizationsCreated,
      organizationsMatched: this.organizationsMatched,
      programmesCreated: this.programmesCreated,
      dateOrder: this.dates.order
        ? { order: this.dates.order, from: this.dates.learnedFrom ? `the file's date ${JSON.stringify(this.dates.learnedFrom)}` : '--date-order' }
        : undefined,
      seconds: (Date.now() - this.started) / 1000,
      fileError,
    };
  }

  private reject(row: number, id: string | undefined, field: string, message: string): void {
    this.rejections.push({ row, id, field, message });
    this.progress.refused++;
  }

  /**
   * Checks grants; the good ones come back, the others are reported. A grant whose dates could be
   * read day or month first is held until the file's order is known; at the end (`last`), those
   * still held are refused, naming --date-order.
   */
  private check(items: GrantItem[], last = false): GrantRecord[] {
    const records: GrantRecord[] = [];
    const orderBefore = this.dates.order;
    for (const item of items) this.checkOne(item, records, false);
    if ((this.dates.order && !orderBefore) || last) {
      const held = this.held;
      this.held = [];
      for (const item of held) this.checkOne(item, records, last);
    }
    return records;
  }

  private checkOne(item: GrantItem, records: GrantRecord[], last: boolean): void {
    const { row, value } = item;
    if (item.error !== undefined || value === undefined) {
      this.reject(row, undefined, 'grant', item.error ?? 'not a grant');
      return;
    }
    const id = (value as { id?: unknown } | null)?.id;
    try {
      const record = readGrantRecord(value, row, this.dates);
      const earlier = this.seen.get(record.identifier);
      if (earlier !== undefined) throw new UserInputError(`id ${record.identifier} was already used by the grant of row ${earlier} of this file`, 'id');
      this.seen.set(record.identifier, row);
      records.push(record);
    } catch (error) {
      if (error instanceof AmbiguousDateError && !last) {
        this.held.push(item);
        return;
      }
      if (!(error instanceof UserInputError)) throw error;
      this.reject(row, typeof id === 'string' ? id : undefined, String(error.extensions.field), error.message);
    }
  }

  /**
   * Settles what must be decided in order (grants already present and unchanged, organizations to
   * create) and hands the batch's writes to one of a few concurrent transactions: PostgreSQL writes
   * batches in parallel while the next ones are read and checked.
   */
  private async write(batch: GrantRecord[]): Promise<void> {
    const existing = await this.existingOf(batch);
    const changed = batch.filter((record) => {
      const known = existing.get(record.identifier);
      if (known && known.contentHash === record.contentHash) {
        this.progress.unchanged++;
        return false;
      }
      return true;
    });
    await this.resolveOrganizations(changed);
    const writable = changed.filter((record) => {
      for (const [side, mention] of [
        ['recipientOrganization', record.recipient],
        ['fundingOrganization', record.funder],
      ] as const) {
        const refusal = this.refusedOrganizations.get(mention.value);
        if (refusal !== undefined) {
          this.reject(record.row, record.identifier, `${side}.0.id`, `organization ${mention.value} (${mention.name}) could not be created: ${refusal}`);
          return false;
        }
      }
      return true;
    });
    while (this.writing.size >= PARALLEL_WRITES) await Promise.race(this.writing);
    const inserting = this.insert(writable, existing).then(() => this.options.onProgress?.({ ...this.progress }));
    const tracked = inserting.finally(() => this.writing.delete(tracked));
    tracked.catch(() => undefined);
    this.writing.add(tracked);
  }

  /** The grants of the batch the hub already has (by 360Giving id), with the hash of what was last imported. */
  private async existingOf(batch: GrantRecord[]): Promise<Map<string, Existing>> {
    if (!batch.length) return new Map();
    const rows = await query<{ identifier: string; id: string; content_hash: string | null }>(
      this.em.fork(),
      `select identifier, id, content_hash from ${tableOf(this.em, Grant)} where identifier = any(?::text[])`,
      [pgArray(batch.map((r) => r.identifier))],
    );
    return new Map(rows.map((r) => [r.identifier, { id: r.id, contentHash: r.content_hash }]));
  }

  /** Finds or creates every organization the batch names, remembering org-id → organization id. */
  private async resolveOrganizations(batch: GrantRecord[]): Promise<void> {
    const wanted = new Map<string, { mention: OrganizationMention; kind: string }>();
    for (const record of batch) {
      for (const [mention, kind] of [
        [record.recipient, RECIPIENT_KIND],
        [record.funder, FUNDER_KIND],
      ] as const) {
        if (!this.organizations.has(mention.value) && !this.refusedOrganizations.has(mention.value) && !wanted.has(mention.value)) {
          wanted.set(mention.value, { mention, kind });
        }
      }
    }
    if (!wanted.size) return;
    const em = this.em.fork();
    await this.rememberMapped(em, [...wanted.keys()]);
    let missing = [...wanted.values()].filter(({ mention }) => !this.organizations.has(mention.value));

    if (missing.length) {
      const known = await this.directory.idsByOrgIds(missing.map(({ mention }) => mention.value));
      const matched = missing.filter(({ mention }) => known.has(mention.value));
      await this.map(
        em,
        matched.map(({ mention }) => ({ mention, organizationId: known.get(mention.value)! })),
      );
      this.organizationsMatched += matched.length;
      missing = missing.filter(({ mention }) => !this.organizations.has(mention.value));
    }
    if (!missing.length) return;

    const created = await this.directory.create(missing.map(({ mention, kind }) => newOrganization(mention, kind)));
    const mapped: { mention: OrganizationMention; organizationId: string }[] = [];
    const raced: OrganizationMention[] = [];
    created.forEach((result, i) => {
      const { mention } = missing[i];
      if ('id' in result) mapped.push({ mention, organizationId: result.id });
      else if (result.code === 'CONFLICT' && result.field === 'orgIds')
        raced.push(mention); // another import created it meanwhile
      else this.refusedOrganizations.set(mention.value, result.error);
    });
    this.organizationsCreated += mapped.length;
    if (raced.length) {
      const known = await this.directory.idsByOrgIds(raced.map((mention) => mention.value));
      for (const mention of raced) {
        const organizationId = known.get(mention.value);
        if (organizationId) mapped.push({ mention, organizationId });
        else this.refusedOrganizations.set(mention.value, 'the organizations subgraph reported it as taken but does not find it');
      }
    }
    await this.map(em, mapped);
  }

  private async rememberMapped(em: EntityManager, orgIds: string[]): Promise<void> {
    const rows = await query<{ org_id: string; organization_id: string }>(
      em,
      `select org_id, organization_id from ${tableOf(em, OrganizationIdentifier)} where org_id = any(?::text[])`,
      [pgArray(orgIds)],
    );
    for (const row of rows) this.organizations.set(row.org_id, row.organization_id);
  }

  /** Stores org-id → organization right after the organization exists, so a failed import reuses it. */
  private async map(em: EntityManager, mapped: { mention: OrganizationMention; organizationId: string }[]): Promise<void> {
    if (!mapped.length) return;
    await query(
      em,
      `insert into ${tableOf(em, OrganizationIdentifier)} (org_id, organization_id, name)
       select org_id, organization_id, name from jsonb_to_recordset(?::jsonb) as r(org_id text, organization_id uuid, name text)
       on conflict (org_id) do nothing`,
      [JSON.stringify(mapped.map(({ mention, organizationId }) => ({ org_id: mention.value, organization_id: organizationId, name: mention.name })))],
    );
    // another import may have mapped the same org-id first: the table decides
    await this.rememberMapped(
      em,
      mapped.map(({ mention }) => mention.value),
    );
  }

  /**
   * Writes grants (new ones inserted, changed ones updated, and the programmes they name) in one
   * transaction. A grant the database refuses fails its batch, which is then split until that
   * grant stands alone and is reported.
   */
  private async insert(records: GrantRecord[], existing: Map<string, Existing>): Promise<void> {
    if (!records.length) return;
    let result: { created: Map<string, string>; inserted: number; updated: Set<string> };
    const fresh = records.filter((r) => !existing.has(r.identifier));
    const changed = records.filter((r) => existing.has(r.identifier));
    try {
      result = await this.em.fork().transactional(async (tx) => {
        const programmes = await this.programmesOf(tx, records);
        const inserted = fresh.length ? await this.insertGrants(tx, fresh, programmes.all) : 0;
        const updated = changed.length ? await this.updateGrants(tx, changed, programmes.all) : new Set<string>();
        return { created: programmes.created, inserted, updated };
      });
    } catch (error) {
      if (!isRowError(error)) throw error;
      if (records.length === 1) {
        this.reject(records[0].row, records[0].identifier, 'grant', `the database refused the grant: ${error.message.split('\n')[0]}`);
        return;
      }
      const half = Math.ceil(records.length / 2);
      await this.insert(records.slice(0, half), existing);
      await this.insert(records.slice(half), existing);
      return;
    }
    for (const [key, id] of result.created) this.programmes.set(key, id);
    this.programmesCreated += result.created.size;
    this.progress.added += result.inserted;
    // an id another import wrote meanwhile: the hub has it as that import wrote it
    this.progress.unchanged += fresh.length - result.inserted;
    this.progress.updated += result.updated.size;
    for (const record of changed) {
      if (result.updated.has(record.identifier)) continue;
      this.reject(
        record.row,
        record.identifier,
        'amountAwarded',
        `the hub has recorded disbursements of this grant that the new amountAwarded ${record.amount} ${record.currency} would not cover (or that are in another currency); the grant is left as it was`,
      );
    }
  }

  private programmeKey(record: GrantRecord): string | undefined {
    return record.programme ? programmeKey(this.organizations.get(record.funder.value)!, record.programme.code) : undefined;
  }

  private async programmesOf(tx: EntityManager, records: GrantRecord[]): Promise<{ all: Map<string, string>; created: Map<string, string> }> {
    const all = new Map(this.programmes);
    const created = new Map<string, string>();
    const needed = new Map<string, GrantRecord>();
    for (const record of records) {
      const key = this.programmeKey(record);
      if (key && !all.has(key) && !needed.has(key)) needed.set(key, record);
    }
    if (!needed.size) return { all, created };
    const table = tableOf(tx, FundingProgramme);
    // in key order, so that concurrent batches creating the same programmes lock them in the same order
    const rows = [...needed.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, record]) => ({
        id: newId(),
        name: record.programme!.title,
        kind: FundingKind.GRANT,
        year: Number(record.awardDate.slice(0, 4)),
        funder_organization_id: this.organizations.get(record.funder.value)!,
        code: record.programme!.code,
        publisher: record.funder.name ?? publisherPrefixOf(record.identifier),
        file: this.source.name,
        recorded_at: this.importedAt,
      }));
    const inserted = await query<{ id: string }>(
      tx,
      `insert into ${table} (id, name, kind, year, funder_organization_id, code, provenance_kind, provenance_illustrative, provenance_source_publisher, provenance_source_file, provenance_recorded_at)
       select id, name, kind, year, funder_organization_id, code, 'IMPORT', false, publisher, file, recorded_at
       from jsonb_to_recordset(?::jsonb) as r(id uuid, name text, kind text, year int, funder_organization_id uuid, code text, publisher text, file text, recorded_at timestamptz)
       on conflict (funder_organization_id, code) do nothing returning id`,
      [JSON.stringify(rows)],
    );
    const insertedIds = new Set(inserted.map((r) => r.id));
    const found = await query<{ id: string; funder_organization_id: string; code: string }>(
      tx,
      `select id, funder_organization_id, code from ${table} where funder_organization_id = any(?::uuid[]) and code = any(?::text[])`,
      [pgArray([...new Set(rows.map((r) => r.funder_organization_id))]), pgArray([...new Set(rows.map((r) => r.code))])],
    );
    for (const row of found) {
      const key = programmeKey(row.funder_organization_id, row.code);
      if (!needed.has(key)) continue;
      all.set(key, row.id);
      if (insertedIds.has(row.id)) created.set(key, row.id);
    }
    return { all, created };
  }

  /** The columns of a grant as the file gives them, for INSERT and UPDATE. */
  private rowOf(record: GrantRecord, programmes: Map<string, string>) {
    const key = this.programmeKey(record);
    return {
      identifier: record.identifier,
      title: record.title,
      description: record.description ?? null,
      amount: record.amount,
      currency: record.currency,
      award_date: record.awardDate,
      planned_start_date: record.plannedStartDate ?? null,
      planned_end_date: record.plannedEndDate ?? null,
      planned_duration: record.plannedDuration ?? null,
      recipient_organization_id: this.organizations.get(record.recipient.value)!,
      funding_organization_id: this.organizations.get(record.funder.value)!,
      programme_id: key ? programmes.get(key)! : null,
      beneficiary_location: record.beneficiaryLocation ?? null,
      cause_areas: record.causeAreas,
      status: record.status,
      status_given: record.statusGiven ?? null,
      published_amount_disbursed: record.amountDisbursed ?? null,
      date_modified: record.dateModified ?? null,
      published: record.published,
      additional_data: record.additionalData ?? null,
      content_hash: record.contentHash,
      publisher_prefix: publisherPrefixOf(record.identifier),
      publisher_name: record.funder.name,
      source_file: this.source.name,
      imported_at: this.importedAt,
      // provenance (issue 22): where the grant comes from, as every record of the hub says it
      provenance_kind: 'IMPORT',
      provenance_illustrative: false,
      provenance_source_publisher: record.funder.name ?? publisherPrefixOf(record.identifier),
      provenance_source_file: this.source.name,
      provenance_source_modified_at: record.dateModified ?? null,
      provenance_recorded_at: this.importedAt,
    };
  }

  /** One INSERT for the batch; ids the hub got meanwhile are skipped. Returns how many were written. */
  private async insertGrants(tx: EntityManager, records: GrantRecord[], programmes: Map<string, string>): Promise<number> {
    const rows = records.map((record) => ({ id: newId(), ...this.rowOf(record, programmes) }));
    const inserted = await query<{ identifier: string }>(
      tx,
      `insert into ${tableOf(tx, Grant)} (${GRANT_COLUMNS.map((c) => c.name).join(', ')}, id)
       select ${GRANT_COLUMNS.map((c) => (c.name === 'amount' || c.name === 'published_amount_disbursed' ? `${c.name}::numeric` : c.name)).join(', ')}, id
       from jsonb_to_recordset(?::jsonb) as r(${GRANT_COLUMNS.map((c) => `${c.name} ${c.type}`).join(', ')}, id uuid)
       on conflict (identifier) do nothing returning identifier`,
      [JSON.stringify(rows)],
    );
    return inserted.length;
  }

  /**
   * One UPDATE for the batch's changed grants: everything the file says replaces what was last
   * imported. The status changes only when the file gives one (ngohubStatus: the hub's own
   * export); a grant with disbursements on the hub keeps its currency and never falls below them.
   * Returns the ids updated.
   */
  private async updateGrants(tx: EntityManager, records: GrantRecord[], programmes: Map<string, string>): Promise<Set<string>> {
    const rows = records.map((record) => this.rowOf(record, programmes));
    const table = tableOf(tx, Grant);
    const disbursements = tableOf(tx, Disbursement);
    const assignments = GRANT_COLUMNS.filter((c) => c.name !== 'identifier' && c.name !== 'status').map((c) =>
      c.name === 'amount' || c.name === 'published_amount_disbursed' ? `${c.name} = r.${c.name}::numeric` : `${c.name} = r.${c.name}`,
    );
    const updated = await query<{ identifier: string }>(
      tx,
      `update ${table} g set ${assignments.join(', ')}, status = coalesce(r.status_given, g.status)
       from jsonb_to_recordset(?::jsonb) as r(${GRANT_COLUMNS.map((c) => `${c.name} ${c.type}`).join(', ')}, status_given text)
       where g.identifier = r.identifier
         and not exists (select 1 from ${disbursements} d where d.grant_id = g.id and d.currency <> r.currency)
         and r.amount::numeric >= coalesce((select sum(d.amount) from ${disbursements} d where d.grant_id = g.id), 0)
       returning g.identifier`,
      [JSON.stringify(rows)],
    );
    return new Set(updated.map((r) => r.identifier));
  }
}

/** The columns an import writes, with their types in the JSON rows. */
const GRANT_COLUMNS: readonly { name: string; type: string }[] = [
  { name: 'identifier', type: 'text' },
  { name: 'title', type: 'text' },
  { name: 'description', type: 'text' },
  { name: 'amount', type: 'text' },
  { name: 'currency', type: 'text' },
  { name: 'award_date', type: 'date' },
  { name: 'planned_start_date', type: 'date' },
  { name: 'planned_end_date', type: 'date' },
  { name: 'planned_duration', type: 'int' },
  { name: 'recipient_organization_id', type: 'uuid' },
  { name: 'funding_organization_id', type: 'uuid' },
  { name: 'programme_id', type: 'uuid' },
  { name: 'beneficiary_location', type: 'text' },
  { name: 'cause_areas', type: 'text[]' },
  { name: 'status', type: 'text' },
  { name: 'published_amount_disbursed', type: 'text' },
  { name: 'date_modified', type: 'timestamptz' },
  { name: 'published', type: 'text' },
  { name: 'additional_data', type: 'text' },
  { name: 'content_hash', type: 'text' },
  { name: 'publisher_prefix', type: 'text' },
  { name: 'publisher_name', type: 'text' },
  { name: 'source_file', type: 'text' },
  { name: 'imported_at', type: 'timestamptz' },
  { name: 'provenance_kind', type: 'text' },
  { name: 'provenance_illustrative', type: 'boolean' },
  { name: 'provenance_source_publisher', type: 'text' },
  { name: 'provenance_source_file', type: 'text' },
  { name: 'provenance_source_modified_at', type: 'timestamptz' },
  { name: 'provenance_recorded_at', type: 'timestamptz' },
];

/** The 360Giving publisher prefix of a grant id: 360G-EFF of 360G-EFF-16-3315. */
export function publisherPrefixOf(identifier: string): string {
  return /^360G-[^-]+/i.exec(identifier)?.[0] ?? identifier;
}

/** A database refusal that a grant's own values can cause (a constraint, a value out of range), not the database failing. */
function isRowError(error: unknown): error is DriverException {
  return (
    error instanceof DriverException &&
    !(error instanceof ConnectionException || error instanceof DeadlockException || error instanceof LockWaitTimeoutException)
  );
}

/** A funder's programme code, unambiguous after the fixed-length funder id. */
function programmeKey(funderId: string, code: string): string {
  return `${funderId} ${code}`;
}

/**
 * What the organizations subgraph is asked to create for an org-id it does not know: the org-id
 * itself (or the credit code of a CN-USCI one), and the country the file gives (addressCountry,
 * else the org-id list's country), null when neither says: never assumed.
 */
function newOrganization(mention: OrganizationMention, kind: string): NewOrganization {
  return {
    name: mention.name,
    kind,
    country: mention.country ?? null,
    city: mention.city,
    website: mention.website,
    orgIds: mention.creditCode ? undefined : [mention.value],
    registration: mention.creditCode ? { status: 'REGISTERED', creditCode: mention.creditCode } : undefined,
  };
}
