import { newId } from '@ngo-hub/kit';
import { GrantStatus } from '../src/entities/grant';
import { GRANT_TRANSITIONS } from '../src/services/grant-status';
import { insertGrant } from './support/grants';
import { startFundingHub, type FundingHub } from './support/hub';

const CHANGE = `mutation($input: ChangeGrantStatusInput!) { changeGrantStatus(input: $input) { grant { id status } previousStatus } }`;
const ALL = Object.values(GrantStatus);

describe('grant status (changeGrantStatus and its transition table)', () => {
  let hub: FundingHub;

  beforeAll(async () => {
    hub = await startFundingHub();
  });
  afterAll(() => hub?.stop());

  it('follows PROPOSED → AWARDED → ACTIVE → COMPLETED, or CANCELLED before a grant is ACTIVE', () => {
    expect(GRANT_TRANSITIONS).toEqual({
      PROPOSED: ['AWARDED', 'CANCELLED'],
      AWARDED: ['ACTIVE', 'CANCELLED'],
      ACTIVE: ['COMPLETED'],
      COMPLETED: [],
      CANCELLED: [],
    });
  });

  it.each(ALL.flatMap((from) => ALL.map((to) => [from, to] as const)))('%s → %s is allowed exactly when the table says so', async (from, to) => {
    const grant = await insertGrant(hub, { status: from });
    const { data, errors } = await hub.funding.request<{ changeGrantStatus: { grant: { status: string }; previousStatus: string } }>(CHANGE, {
      input: { grantId: grant.id, status: to },
    });
    if (GRANT_TRANSITIONS[from].includes(to)) {
      expect(errors).toBeUndefined();
      expect(data!.changeGrantStatus).toMatchObject({ grant: { status: to }, previousStatus: from });
    } else {
      expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'status', from, to, allowed: GRANT_TRANSITIONS[from] });
      expect(errors?.[0].message).toContain(`is ${from} and cannot become ${to}`);
      const { data: after } = await hub.funding.request<{ grant: { status: string } }>(`query($id: ID!) { grant(id: $id) { status } }`, { id: grant.id });
      expect(after!.grant.status).toBe(from);
    }
  });

  it('answers NOT_FOUND for a grant that does not exist', async () => {
    const { errors } = await hub.funding.request(CHANGE, { input: { grantId: newId(), status: 'ACTIVE' } });
    expect(errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'grantId' });
  });

  it('lets only one of two simultaneous moves out of the same status through', async () => {
    const grant = await insertGrant(hub, { status: GrantStatus.AWARDED });
    const results = await Promise.all(['ACTIVE', 'CANCELLED'].map((status) => hub.funding.request(CHANGE, { input: { grantId: grant.id, status } })));
    expect(results.map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
  });
});
