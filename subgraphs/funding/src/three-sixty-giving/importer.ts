import { ConnectionException, DeadlockException, DriverException, LockWaitTimeoutException, type EntityManager } from '@mikro-orm/postgresql';
import { newId, UserInputError } from '@ngo-hub/kit';
import { FundingKind, FundingProgramme } from '../entities/funding-programme';
import { Grant } from '../entities/grant';
import { OrganizationIdentifier } from '../entities/organization-identifier';
import type { NewOrganization, OrganizationDirectory } from '../services/organization-directory';
import { pgArray, query, tableOf } from '../services/sql';
import { JsonSyntaxError, parseExactJson, type JsonValue } from './exact-json';
import { readGrantTexts, type GrantText } from './grant-stream';
import { readGrantRecord, type GrantRecord, type OrganizationMention } from './grant-record';

/** A grant of the file that was not imported, and why. */
export interface RejectedGrant {
  /** Place of the grant in the file's `grants` array, from 1. */
  row: number;
  /** Its 360Giving id, when it had a readable one. */
  id?: string;
  /** The 360Giving field at fault, e.g. `amountAwarded` or `recipientOrganization.0.id`. */
  field: string;
  message: string;
}

export interface ImportProgress {
  read: number;
  imported: number;
  alreadyPresent: number;
  rejected: number;
  bytesRead: number;
}

export interface ImportReport extends ImportProgress {
  rejections: RejectedGrant[];
  organizationsCreated: number;
  organizationsMatched: number;
  programmesCreated: number;
  seconds: number;
  /** Why the file could not be read to its end (it is not one JSON object with a grants array, or is cut short). */
  fileError?: string;
}

export interface ImportOptions {
  /** Grants written per transaction (default 2000). */
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
}

/** Kinds given to organizations the import creates: 360Giving says only who gave and who received. */
const RECIPIENT_KIND = 'NGO';
const FUNDER_KIND = 'FOUNDATION';

/** Batches written at the same time, each in its own transaction and connection. */
const PARALLEL_WRITES = 3;

/**
 * Imports a 360Giving package (`{"grants": [...]}`) read from a stream:
 * - each grant is checked on its own; a bad one is reported (row, id, field, reason) and skipped;
 * - grants whose 360Giving id the hub has are left as they are, so importing a file twice adds nothing;
 * - organizations are found by org-id (this subgraph's `organization_identifier` table, then the
 *   organizations subgraph's credit codes) or created through the organizations subgraph's API;
 * - the funder's programme is found by its grantProgramme code, or created;
 * - grants are written in batches, each batch (with its new programmes) in one transaction.
 */
export async function import360Giving(
  em: EntityManager,
  directory: OrganizationDirectory,
  source: AsyncIterable<Buffer | string>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const run = new GrantImport(em, directory, options);
  return run.run(source);
}

class GrantImport {
  private readonly started = Date.now();
  private readonly batchSize: number;
  private readonly progress: ImportProgress = { read: 0, imported: 0, alreadyPresent: 0, rejected: 0, bytesRead: 0 };
  private readonly rejections: RejectedGrant[] = [];
  private readonly seen = new Map<string, number>();
  private readonly organizations = new Map<string, string>();
  private readonly refusedOrganizations = new Map<string, string>();
  private readonly programmes = new Map<string, string>();
  private registered: Map<string, string> | undefined;
  private organizationsCreated = 0;
  private organizationsMatched = 0;
  private programmesCreated = 0;
  private readonly pending: GrantRecord[] = [];
  private readonly writing = new Set<Promise<void>>();

  constructor(
    private readonly em: EntityManager,
    private readonly directory: OrganizationDirectory,
    private readonly options: ImportOptions,
  ) {
    this.batchSize = options.batchSize ?? 2000;
  }

  async run(source: AsyncIterable<Buffer | string>): Promise<ImportReport> {
    let fileError: string | undefined;
    try {
      for await (const texts of readGrantTexts(source, (bytes) => (this.progress.bytesRead = bytes))) {
        this.pending.push(...this.check(texts));
        while (this.pending.length >= this.batchSize) await this.write(this.pending.splice(0, this.batchSize));
      }
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      // the grants read whole before the break are as good as any: they are imported, the rest cannot be read
      fileError = error.message;
    }
    if (this.pending.length) await this.write(this.pending.splice(0));
    await Promise.all(this.writing);
    return {
      ...this.progress,
      rejections: this.rejections,
      organizationsCreated: this.organizationsCreated,
      organizationsMatched: this.organizationsMatched,
      programmesCreated: this.programmesCreated,
      seconds: (Date.now() - this.started) / 1000,
      fileError,
    };
  }

  private reject(row: number, id: string | undefined, field: string, message: string): void {
    this.rejections.push({ row, id, field, message });
    this.progress.rejected++;
  }

  /** Parses and checks grants; the good ones come back, the others are reported. */
  private check(texts: GrantText[]): GrantRecord[] {
    const records: GrantRecord[] = [];
    for (const { row, text } of texts) {
      this.progress.read++;
      let value: JsonValue;
      try {
        value = parseExactJson(text);
      } catch (error) {
        if (!(error instanceof JsonSyntaxError)) throw error;
        this.reject(row, undefined, 'grant', `not valid JSON: ${error.message}`);
        continue;
      }
      const id = (value as { id?: unknown } | null)?.id;
      try {
        const record = readGrantRecord(value, row);
        const earlier = this.seen.get(record.identifier);
        if (earlier !== undefined) throw new UserInputError(`id ${record.identifier} was already used by grant ${earlier} of this file`, 'id');
        this.seen.set(record.identifier, row);
        records.push(record);
      } catch (error) {
        if (!(error instanceof UserInputError)) throw error;
        this.reject(row, typeof id === 'string' ? id : undefined, String(error.extensions.field), error.message);
      }
    }
    return records;
  }

  /**
   * Settles what must be decided in order (grants already present, organizations to create) and
   * hands the batch's INSERT to one of a few concurrent transactions: PostgreSQL writes batches in
   * parallel while the next ones are read and checked.
   */
  private async write(batch: GrantRecord[]): Promise<void> {
    const fresh = await this.withoutExisting(batch);
    await this.resolveOrganizations(fresh);
    const writable = fresh.filter((record) => {
      for (const [side, mention] of [['recipientOrganization', record.recipient], ['fundingOrganization', record.funder]] as const) {
        const refusal = this.refusedOrganizations.get(mention.value);
        if (refusal !== undefined) {
          this.reject(record.row, record.identifier, `${side}.0.id`, `organization ${mention.value} (${mention.name}) could not be created: ${refusal}`);
          return false;
        }
      }
      return true;
    });
    while (this.writing.size >= PARALLEL_WRITES) await Promise.race(this.writing);
    const inserting = this.insert(writable).then(() => this.options.onProgress?.({ ...this.progress }));
    const tracked = inserting.finally(() => this.writing.delete(tracked));
    tracked.catch(() => undefined);
    this.writing.add(tracked);
  }

  /** Drops grants the hub already has (by 360Giving id): what makes a second import add nothing. */
  private async withoutExisting(batch: GrantRecord[]): Promise<GrantRecord[]> {
    if (!batch.length) return batch;
    const rows = await query<{ identifier: string }>(
      this.em.fork(),
      `select identifier from ${tableOf(this.em, Grant)} where identifier = any(?::text[])`,
      [pgArray(batch.map((r) => r.identifier))],
    );
    const existing = new Set(rows.map((r) => r.identifier));
    this.progress.alreadyPresent += existing.size;
    return batch.filter((r) => !existing.has(r.identifier));
  }

  /** Finds or creates every organization the batch names, remembering org-id → organization id. */
  private async resolveOrganizations(batch: GrantRecord[]): Promise<void> {
    const wanted = new Map<string, { mention: OrganizationMention; kind: string }>();
    for (const record of batch) {
      for (const [mention, kind] of [[record.recipient, RECIPIENT_KIND], [record.funder, FUNDER_KIND]] as const) {
        if (!this.organizations.has(mention.value) && !this.refusedOrganizations.has(mention.value) && !wanted.has(mention.value)) {
          wanted.set(mention.value, { mention, kind });
        }
      }
    }
    if (!wanted.size) return;
    const em = this.em.fork();
    await this.rememberMapped(em, [...wanted.keys()]);
    let missing = [...wanted.values()].filter(({ mention }) => !this.organizations.has(mention.value));

    if (missing.some(({ mention }) => mention.creditCode)) {
      this.registered ??= await this.directory.orgIdsOfRegistered();
      const matched = missing.filter(({ mention }) => this.registered!.has(mention.value));
      await this.map(em, matched.map(({ mention }) => ({ mention, organizationId: this.registered!.get(mention.value)! })));
      this.organizationsMatched += matched.length;
      missing = missing.filter(({ mention }) => !this.organizations.has(mention.value));
    }
    if (!missing.length) return;

    const created = await this.directory.create(missing.map(({ mention, kind }) => newOrganization(mention, kind, batch)));
    const mapped: { mention: OrganizationMention; organizationId: string }[] = [];
    created.forEach((result, i) => {
      const { mention } = missing[i];
      if ('id' in result) mapped.push({ mention, organizationId: result.id });
      else this.refusedOrganizations.set(mention.value, result.error);
    });
    this.organizationsCreated += mapped.length;
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
    await this.rememberMapped(em, mapped.map(({ mention }) => mention.value));
  }

  /**
   * Writes grants (and the programmes they name) in one transaction. A grant the database
   * refuses fails its batch, which is then split until that grant stands alone and is reported.
   */
  private async insert(records: GrantRecord[]): Promise<void> {
    if (!records.length) return;
    let created: Map<string, string>;
    let inserted: number;
    try {
      ({ created, inserted } = await this.em.fork().transactional(async (tx) => {
        const programmes = await this.programmesOf(tx, records);
        const count = await this.insertGrants(tx, records, programmes.all);
        return { created: programmes.created, inserted: count };
      }));
    } catch (error) {
      if (!isRowError(error)) throw error;
      if (records.length === 1) {
        this.reject(records[0].row, records[0].identifier, 'grant', `the database refused the grant: ${error.message.split('\n')[0]}`);
        return;
      }
      const half = Math.ceil(records.length / 2);
      await this.insert(records.slice(0, half));
      await this.insert(records.slice(half));
      return;
    }
    for (const [key, id] of created) this.programmes.set(key, id);
    this.programmesCreated += created.size;
    this.progress.imported += inserted;
    this.progress.alreadyPresent += records.length - inserted;
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
    const rows = [...needed.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, record]) => ({
      id: newId(),
      name: record.programme!.title,
      kind: FundingKind.GRANT,
      year: Number(record.awardDate.slice(0, 4)),
      funder_organization_id: this.organizations.get(record.funder.value)!,
      code: record.programme!.code,
    }));
    const inserted = await query<{ id: string }>(
      tx,
      `insert into ${table} (id, name, kind, year, funder_organization_id, code)
       select id, name, kind, year, funder_organization_id, code
       from jsonb_to_recordset(?::jsonb) as r(id uuid, name text, kind text, year int, funder_organization_id uuid, code text)
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

  /** One INSERT for the batch; ids the hub got meanwhile are skipped. Returns how many were written. */
  private async insertGrants(tx: EntityManager, records: GrantRecord[], programmes: Map<string, string>): Promise<number> {
    const rows = records.map((record) => {
      const key = this.programmeKey(record);
      return {
        id: newId(),
        identifier: record.identifier,
        title: record.title,
        description: record.description ?? null,
        amount: record.amount,
        currency: record.currency,
        award_date: record.awardDate,
        planned_start_date: record.plannedStartDate ?? null,
        planned_end_date: record.plannedEndDate ?? null,
        recipient_organization_id: this.organizations.get(record.recipient.value)!,
        funding_organization_id: this.organizations.get(record.funder.value)!,
        programme_id: key ? programmes.get(key)! : null,
        beneficiary_location: record.beneficiaryLocation ?? null,
        cause_areas: record.causeAreas,
        status: record.status,
      };
    });
    const inserted = await query<{ identifier: string }>(
      tx,
      `insert into ${tableOf(tx, Grant)} (id, identifier, title, description, amount, currency, award_date, planned_start_date, planned_end_date,
         recipient_organization_id, funding_organization_id, programme_id, beneficiary_location, cause_areas, status)
       select id, identifier, title, description, amount::numeric, currency, award_date, planned_start_date, planned_end_date,
         recipient_organization_id, funding_organization_id, programme_id, beneficiary_location, cause_areas, status
       from jsonb_to_recordset(?::jsonb) as r(id uuid, identifier text, title text, description text, amount text, currency text,
         award_date date, planned_start_date date, planned_end_date date, recipient_organization_id uuid, funding_organization_id uuid,
         programme_id uuid, beneficiary_location text, cause_areas text[], status text)
       on conflict (identifier) do nothing returning identifier`,
      [JSON.stringify(rows)],
    );
    return inserted.length;
  }
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

/** What the organizations subgraph is asked to create for an org-id it does not know. */
function newOrganization(mention: OrganizationMention, kind: string, batch: GrantRecord[]): NewOrganization {
  // a publisher-prefixed recipient (360G-…) is most likely in its funder's country
  const funderCountry = batch.find((r) => r.recipient.value === mention.value)?.funder.country;
  return {
    name: mention.name,
    kind,
    country: mention.country ?? funderCountry,
    city: mention.city,
    website: mention.website,
    registration: mention.creditCode ? { status: 'REGISTERED', creditCode: mention.creditCode } : undefined,
  };
}
