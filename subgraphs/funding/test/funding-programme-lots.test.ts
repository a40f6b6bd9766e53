import { newId, seedId } from '@ngo-hub/kit';
import { createOrganization, startFundingHub, type FundingHub } from './support/hub';

const CHENGDU_2012 = seedId('programme:chengdu-2012-purchase-of-services');
const CREATE = `mutation($input: CreateFundingProgrammeInput!) {
  createFundingProgramme(input: $input) { fundingProgramme { id code causeAreas plannedProjects lots { totalCount nodes { id position name nameZh causeAreas } } } }
}`;
const ADD_LOT = `mutation($input: AddFundingProgrammeLotInput!) { addFundingProgrammeLot(input: $input) { lot { id position name programme { id } } } }`;
const AWARD = `mutation($input: AwardGrantInput!) { awardGrant(input: $input) { grant { id lot { name } programme { id } } } }`;

describe('funding programmes in full: cause areas, planned projects, codes and lots', () => {
  let hub: FundingHub;
  let funderId: string;
  let recipientId: string;

  const create = (overrides: Record<string, unknown> = {}) =>
    hub.funding.request<{ createFundingProgramme: { fundingProgramme: { id: string; lots: { nodes: { id: string; name: string; position: number }[] } } } }>(
      CREATE,
      {
        input: { name: `Lot Test Programme ${newId()}`, kind: 'GOVERNMENT_PURCHASE_OF_SERVICES', year: 2013, funderOrganizationId: funderId, ...overrides },
      },
    );

  beforeAll(async () => {
    hub = await startFundingHub();
    funderId = await createOrganization(hub.organizations, 'Lot Test Civil Affairs Bureau', { kind: 'GOVERNMENT_AGENCY' });
    recipientId = await createOrganization(hub.organizations, 'Lot Test Service Centre');
  });
  afterAll(() => hub?.stop());

  it("serves Chengdu's 2012 purchase of services: 59 projects, 160 million RMB, five lots in order, and its grants by lot", async () => {
    const { data, errors } = await hub.funding.request<{ fundingProgramme: Record<string, unknown> }>(
      `query($id: ID!) { fundingProgramme(id: $id) {
        plannedProjects budget { amount currency } causeAreas
        lots { totalCount nodes { position name nameZh causeAreas programme { id } } }
        grants(first: 10) { nodes { identifier lot { name } } }
      } }`,
      { id: CHENGDU_2012 },
    );
    expect(errors).toBeUndefined();
    const programme = data!.fundingProgramme as {
      plannedProjects: number;
      budget: unknown;
      lots: { totalCount: number; nodes: { position: number; name: string; nameZh: string; programme: { id: string } }[] };
      grants: { nodes: { identifier: string; lot: { name: string } | null }[] };
    };
    expect(programme.plannedProjects).toBe(59);
    expect(programme.budget).toEqual({ amount: '160000000.00', currency: 'CNY' });
    expect(programme.lots.totalCount).toBe(5);
    expect(programme.lots.nodes.map((l) => `${l.position}. ${l.name} (${l.nameZh})`)).toEqual([
      '1. Public employment training (公共就业培训)',
      '2. Teacher training (教师培训)',
      '3. Culture and health services (文化与健康服务)',
      '4. Community legal services (社区法律服务)',
      '5. Community elderly care (社区养老服务)',
    ]);
    expect(programme.lots.nodes.every((l) => l.programme.id === CHENGDU_2012)).toBe(true);
    const lots = Object.fromEntries(programme.grants.nodes.map((g) => [g.identifier, g.lot?.name ?? null]));
    expect(lots).toMatchObject({
      '360G-chengdu-2012-001': 'Community elderly care',
      '360G-chengdu-2012-002': 'Community legal services',
      '360G-chengdu-2012-004': null,
    });
  });

  it('creates a programme with its causes, planned projects, code and lots numbered in order', async () => {
    const { data, errors } = await create({
      code: 'LT-2013',
      causeAreas: ['ELDERLY_CARE', 'LEGAL_AID'],
      plannedProjects: 12,
      lots: [{ name: 'Elderly care', nameZh: '养老', causeAreas: ['ELDERLY_CARE'] }, { name: 'Legal services' }],
    });
    expect(errors).toBeUndefined();
    expect(data!.createFundingProgramme.fundingProgramme).toMatchObject({
      code: 'LT-2013',
      causeAreas: ['ELDERLY_CARE', 'LEGAL_AID'],
      plannedProjects: 12,
      lots: {
        totalCount: 2,
        nodes: [
          { position: 1, name: 'Elderly care', nameZh: '养老', causeAreas: ['ELDERLY_CARE'] },
          { position: 2, name: 'Legal services' },
        ],
      },
    });
  });

  it("refuses two lots of one name, a second programme with the funder's code, and planned projects below one", async () => {
    const twice = await create({ lots: [{ name: 'Care' }, { name: 'care' }] });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lots.1.name' });
    expect((await create({ code: 'DUP-1' })).errors).toBeUndefined();
    const duplicate = await create({ code: 'DUP-1' });
    expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'code' });
    const projects = await create({ plannedProjects: 0 });
    expect(projects.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'plannedProjects' });
  });

  it('adds lots after the last one, refuses a name the programme has, and an unknown programme', async () => {
    const { data } = await create({ lots: [{ name: 'First' }] });
    const programmeId = data!.createFundingProgramme.fundingProgramme.id;
    const added = await hub.funding.request<{ addFundingProgrammeLot: { lot: { position: number; programme: { id: string } } } }>(ADD_LOT, {
      input: { programmeId, name: 'Second' },
    });
    expect(added.errors).toBeUndefined();
    expect(added.data!.addFundingProgrammeLot.lot).toMatchObject({ position: 2, programme: { id: programmeId } });
    const same = await hub.funding.request(ADD_LOT, { input: { programmeId, name: 'First' } });
    expect(same.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
    const unknown = await hub.funding.request(ADD_LOT, { input: { programmeId: newId(), name: 'Third' } });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'programmeId' });
  });

  it('awards a grant under a lot of its programme, and refuses a lot of another programme or without a programme', async () => {
    const { data } = await create({ lots: [{ name: 'Employment training' }] });
    const programme = data!.createFundingProgramme.fundingProgramme;
    const input = {
      title: 'Job training for migrant workers',
      amountAwarded: { amount: '80000', currency: 'CNY' },
      awardDate: '2013-04-01',
      recipientOrganizationId: recipientId,
      fundingOrganizationId: funderId,
      programmeId: programme.id,
      lotId: programme.lots.nodes[0].id,
    };
    const awarded = await hub.funding.request<{ awardGrant: { grant: { lot: { name: string } } } }>(AWARD, { input });
    expect(awarded.errors).toBeUndefined();
    expect(awarded.data!.awardGrant.grant.lot).toEqual({ name: 'Employment training' });
    const chengduLot = seedId('lot:chengdu-2012-purchase-of-services:teacher-training');
    const other = await hub.funding.request(AWARD, { input: { ...input, lotId: chengduLot } });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lotId' });
    const alone = await hub.funding.request(AWARD, { input: { ...input, programmeId: null } });
    expect(alone.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lotId' });
  });

  it('filters programmes by cause', async () => {
    const { data } = await hub.funding.request<{ fundingProgrammes: { nodes: { id: string }[] } }>(
      `{ fundingProgrammes(filter: { causeAreas: [EMPLOYMENT] }, first: 100) { nodes { id } } }`,
    );
    expect(data!.fundingProgrammes.nodes.map((p) => p.id)).toContain(CHENGDU_2012);
  });
});
