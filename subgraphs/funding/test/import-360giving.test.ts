import { newId, SubgraphClient } from '@ngo-hub/kit';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OrganizationDirectory } from '../src/services/organization-directory';
import { import360Giving, type ImportReport } from '../src/three-sixty-giving/importer';
import { bufferSource } from '../src/three-sixty-giving/grant-source';
import { createOrganization, startFundingHub, type FundingHub } from './support/hub';
import { asAnonymous, asService, identityHeaders } from '@ngo-hub/kit/testing';

const SAMPLE = join(__dirname, 'fixtures', '360giving_grantnav_esmee-fairbairn_5grants.json');
const CLI = join(__dirname, '..', 'dist', 'src', 'three-sixty-giving', 'import-cli.js');

/** A valid Unified Social Credit Code for 17 characters (GB 32100-2015 check character). */
function creditCode(first17: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((total, char, i) => total + alphabet.indexOf(char) * weights[i], 0);
  return first17 + alphabet[(31 - (sum % 31)) % 31];
}

function grant(id: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    title: `Grant ${id}`,
    currency: 'CNY',
    amountAwarded: 1000,
    awardDate: '2013-05-01',
    recipientOrganization: [{ id: 'GB-CHC-7000001', name: 'Import Test Recipient' }],
    fundingOrganization: [{ id: 'GB-CHC-7000002', name: 'Import Test Funder' }],
    ...fields,
  };
}

describe('360Giving import (npm run import:360giving)', () => {
  let hub: FundingHub;
  let directory: OrganizationDirectory;

  const run = (text: string, batchSize?: number): Promise<ImportReport> =>
    import360Giving(hub.funding.running.orm.em.fork(), directory, bufferSource(text, 'json'), { batchSize });

  async function organizationCount(): Promise<number> {
    const response = await fetch(hub.organizations.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await identityHeaders(asAnonymous())) },
      body: JSON.stringify({ query: '{ organizations { totalCount } }' }),
    });
    return ((await response.json()) as { data: { organizations: { totalCount: number } } }).data.organizations.totalCount;
  }

  /** How many organizations the organizations subgraph knows by any of these org-ids. */
  async function organizationsWithOrgIds(orgIds: string[]): Promise<number> {
    const response = await fetch(hub.organizations.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await identityHeaders(asAnonymous())) },
      body: JSON.stringify({ query: 'query($orgIds: [String!]) { organizations(filter: { orgIds: $orgIds }) { totalCount } }', variables: { orgIds } }),
    });
    return ((await response.json()) as { data: { organizations: { totalCount: number } } }).data.organizations.totalCount;
  }

  async function grantsWithIds(ids: string[]) {
    const em = hub.funding.running.orm.em.fork();
    return em
      .getConnection()
      .execute<{ identifier: string; amount: string; currency: string; recipient_organization_id: string; status: string }[]>(
        `select identifier, amount::text, currency, recipient_organization_id, status from funding.grant where identifier in (${ids.map(() => '?').join(',')}) order by identifier`,
        ids,
      );
  }

  beforeAll(async () => {
    hub = await startFundingHub();
    directory = new OrganizationDirectory(
      new SubgraphClient('organizations', hub.organizations.url, () => identityHeaders(asService('360giving-import')), 15_000),
    );
  });
  afterAll(() => hub?.stop());

  it('imports the Esmée Fairbairn sample, creating its organizations, and a second import adds nothing', async () => {
    // the sample names 6 organizations by org-id; one another test file imported already is met, not created again
    const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as { grants: { recipientOrganization: { id: string }[]; fundingOrganization: { id: string }[] }[] };
    const orgIds = [...new Set(sample.grants.flatMap((g) => [...g.recipientOrganization, ...g.fundingOrganization].map((o) => o.id)))];
    expect(orgIds).toHaveLength(6);
    const known = await organizationsWithOrgIds(orgIds);
    const organizationsBefore = await organizationCount();
    const first = await run(readFileSync(SAMPLE, 'utf8'));
    expect(first).toMatchObject({ read: 5, added: 5, unchanged: 0, refused: 0, organizationsCreated: 6 - known, programmesCreated: 1 });
    expect(await organizationCount()).toBe(organizationsBefore + 6 - known);
    expect(await organizationsWithOrgIds(orgIds)).toBe(6);

    const second = await run(readFileSync(SAMPLE, 'utf8'));
    expect(second).toMatchObject({ read: 5, added: 0, unchanged: 5, refused: 0, organizationsCreated: 0, programmesCreated: 0 });
    expect(await organizationCount()).toBe(organizationsBefore + 6 - known);

    // the sample's grant, by its identifier (other test files import grants with the same title)
    const { data } = await hub.funding.request<{
      grants: { nodes: { identifier: string; amountAwarded: { amount: string }; funder: { id: string }; programme: { name: string; code: string } }[] };
    }>(
      `{ grants(filter: { search: "Grant to Effervescent" }, first: 100) { nodes { identifier amountAwarded { amount } funder { id } programme { name code } } } }`,
    );
    expect(data!.grants.nodes.filter((grant) => grant.identifier === '360G-EFF-16-3315')).toEqual([
      {
        identifier: '360G-EFF-16-3315',
        amountAwarded: { amount: '116471.00' },
        funder: { id: expect.any(String) },
        programme: { name: 'Main Grant', code: 'Main Grant' },
      },
    ]);
  });

  it('imports the good grants of a file with bad ones, names each bad one (row, id, field, reason), writes none of them, and adds nothing the second time', async () => {
    const prefix = `360G-import-bad-${newId().slice(0, 8)}`;
    const rows: unknown[] = [
      grant(`${prefix}-1`),
      grant(`${prefix}-2`, { amountAwarded: 'lots' }),
      grant(`${prefix}-3`, { currency: 'XYZ' }),
      grant(`${prefix}-4`, { awardDate: '2013-02-30' }),
      grant(`${prefix}-5`, { recipientOrganization: [{ id: 'CN-USCI-91510100MA61234567', name: 'Bad Check Character' }] }),
      grant(`${prefix}-1`, { title: 'Same id again' }),
      grant(`${prefix}-6`, { amountAwarded: 12.345 }),
      'not a grant',
      grant(`${prefix}-7`, { recipientOrganization: undefined, recipientIndividual: { id: 'person-1' } }),
      grant(`${prefix}-8`, { amountAwarded: 2500.5 }),
    ];
    const text = `{"grants": [${rows.map((r) => JSON.stringify(r)).join(',\n')}, {"id": "${prefix}-9", "title": }]}`;
    const report = await run(text, 3);
    expect(report).toMatchObject({ read: 11, added: 2, unchanged: 0, refused: 9 });
    expect(report.rejections.map((r) => [r.row, r.id, r.field])).toEqual(
      expect.arrayContaining([
        [2, `${prefix}-2`, 'amountAwarded'],
        [3, `${prefix}-3`, 'currency'],
        [4, `${prefix}-4`, 'awardDate'],
        [5, `${prefix}-5`, 'recipientOrganization.0.id'],
        [6, `${prefix}-1`, 'id'],
        [7, `${prefix}-6`, 'amountAwarded'],
        [8, undefined, 'grant'],
        [9, `${prefix}-7`, 'recipientIndividual'],
        [11, undefined, 'grant'],
      ]),
    );
    expect(report.rejections.find((r) => r.row === 5)!.message).toMatch(/could not be created: .*check character/);
    expect(report.rejections.find((r) => r.row === 6)!.message).toMatch(/already used by the grant of row 1 /);
    const written = await grantsWithIds(Array.from({ length: 9 }, (_, i) => `${prefix}-${i + 1}`));
    expect(written.map((g) => [g.identifier, g.amount])).toEqual([
      [`${prefix}-1`, '1000.00'],
      [`${prefix}-8`, '2500.50'],
    ]);

    const again = await run(text, 3);
    expect(again).toMatchObject({ read: 11, added: 0, unchanged: 2, refused: 9, organizationsCreated: 0 });
  });

  it('finds an organization of the hub by its credit code (CN-USCI-…) instead of creating it', async () => {
    const code = creditCode(`91510100MA6${String(Date.now()).slice(-6)}`);
    const existing = await createOrganization(hub.organizations, 'Chengdu Credit Code NGO', { registration: { status: 'REGISTERED', creditCode: code } });
    const id = `360G-import-cn-${newId()}`;
    const report = await run(JSON.stringify({ grants: [grant(id, { recipientOrganization: [{ id: `CN-USCI-${code}`, name: '成都某公益组织' }] })] }));
    expect(report).toMatchObject({ added: 1, organizationsMatched: 1 });
    const [written] = await grantsWithIds([id]);
    expect(written.recipient_organization_id).toBe(existing);
  });

  it('sums thousands of imported grants per currency exactly to the cent', async () => {
    const funder = `GB-CHC-${Date.now()}`;
    const expected: Record<string, bigint> = {};
    const grants = Array.from({ length: 3000 }, (_, i) => {
      const currency = ['CNY', 'GBP', 'USD'][i % 3];
      const cents = 1 + ((i * 7919) % 100000);
      expected[currency] = (expected[currency] ?? 0n) + BigInt(cents);
      return `{"id":"360G-import-sum-${funder}-${i}","title":"Sum ${i}","currency":"${currency}","amountAwarded":${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')},"awardDate":"2014-0${1 + (i % 9)}-01","recipientOrganization":[{"id":"360G-import-sum-r${i % 7}","name":"Sum recipient ${i % 7}"}],"fundingOrganization":[{"id":"${funder}","name":"Sum Funder"}]}`;
    });
    const report = await run(`{"grants":[${grants.join(',')}]}`, 500);
    expect(report).toMatchObject({ read: 3000, added: 3000, refused: 0 });
    const [{ organization_id: funderId }] = await hub.funding.running.orm.em
      .fork()
      .getConnection()
      .execute<{ organization_id: string }[]>('select organization_id from funding.organization_identifier where org_id = ?', [funder]);
    const { data } = await hub.funding.request<{ _entities: { totalAwarded: { amount: string; currency: string }[] }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { totalAwarded { amount currency } } } }`,
      { r: [{ __typename: 'Organization', id: funderId }] },
    );
    const format = (cents: bigint) => `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
    expect(data!._entities[0].totalAwarded).toEqual(['CNY', 'GBP', 'USD'].map((currency) => ({ amount: format(expected[currency]), currency })));
  });

  it('imports the grants read whole before a file breaks off, and says where it broke', async () => {
    const id = `360G-import-cut-${newId()}`;
    const report = await run(`{"grants": [${JSON.stringify(grant(id))}, {"id": "${id}-2", "title": "cut`);
    expect(report).toMatchObject({ read: 1, added: 1, fileError: expect.stringMatching(/ends before its JSON does/) });
  });

  describe('from the command line', () => {
    let dir: string;
    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'ngohub-import-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
      const { TS_JEST: _tsJest, ...env } = process.env;
      return new Promise((resolve) => {
        const child = spawn(process.execPath, [CLI, ...args], {
          env: { ...env, DATABASE_URL: process.env.TEST_DATABASE_URL, ORGANIZATIONS_URL: hub.organizations.url, LOG_LEVEL: 'silent' },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('exit', (code) => resolve({ code, stdout, stderr }));
      });
    }

    it('reports rejected rows and exits 3; a second run imports nothing', async () => {
      const prefix = `360G-import-cli-${newId().slice(0, 8)}`;
      const file = join(dir, 'grants.json');
      writeFileSync(file, JSON.stringify({ grants: [grant(`${prefix}-1`), grant(`${prefix}-2`, { amountAwarded: -3 }), grant(`${prefix}-3`)] }));
      const first = await cli([file]);
      expect(first.code).toBe(3);
      expect(first.stdout).toMatch(/grants read\s+3/);
      expect(first.stdout).toMatch(/added\s+2/);
      expect(first.stdout).toContain(`2 ${prefix}-2 amountAwarded:`);
      const second = await cli([file, '--report', join(dir, 'report.json')]);
      expect(second.stdout).toMatch(/added\s+0/);
      expect(second.stdout).toMatch(/unchanged\s+2/);
      expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toMatchObject({ read: 3, added: 0, refused: 1 });
    });

    it('exits 0 for a clean file, and 2 with its usage when no file is given', async () => {
      expect((await cli([SAMPLE])).code).toBe(0);
      const usage = await cli([]);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('usage: npm run import:360giving -- FILE');
    });
  });
});
