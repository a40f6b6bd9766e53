import { IdentityVerifier, SignatureError, signIdentity } from '../src/auth/gateway-signature';
import { callerIdentity } from '../src/auth/identity';

const SECRET = 'a'.repeat(48);
const OTHER_SECRET = 'b'.repeat(48);
const PARTNER = callerIdentity({
  apiKeyId: '0b7c6c1e-3f39-4d2a-9d5e-2f7a9d0e1a11',
  memberships: [{ organizationId: '5d0c7c43-6f1a-4e0e-9b53-6c1e0f5a2b77', role: 'EDITOR' }],
});

describe('IdentityVerifier: the gateway signature of subgraph requests, each token verified once', () => {
  afterEach(() => jest.useRealTimers());

  it('gives every request that presents a token the identity it carries, frozen, as long as the token is valid', async () => {
    const verifier = new IdentityVerifier(SECRET);
    const token = await signIdentity(PARTNER, SECRET);
    const first = await verifier.verify(token);
    expect(first).toEqual(PARTNER);
    expect(await verifier.verify(token)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => Object.assign(first, { admin: true })).toThrow(TypeError);
  });

  it('refuses a token it verified once after it expired', async () => {
    jest.useFakeTimers({ now: Date.now(), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const verifier = new IdentityVerifier(SECRET);
    const token = await signIdentity(PARTNER, SECRET);
    await expect(verifier.verify(token)).resolves.toEqual(PARTNER);
    jest.setSystemTime(Date.now() + 59_000);
    await expect(verifier.verify(token)).resolves.toEqual(PARTNER);
    jest.setSystemTime(Date.now() + 2_000);
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(SignatureError);
  });

  it('refuses a token signed with another secret, a missing one and a tampered one, every time', async () => {
    const verifier = new IdentityVerifier(SECRET);
    const foreign = await signIdentity(PARTNER, OTHER_SECRET);
    // the same bytes verified under the other secret first do not pass here
    await expect(new IdentityVerifier(OTHER_SECRET).verify(foreign)).resolves.toEqual(PARTNER);
    for (let i = 0; i < 2; i++) {
      await expect(verifier.verify(foreign)).rejects.toBeInstanceOf(SignatureError);
      await expect(verifier.verify(undefined)).rejects.toBeInstanceOf(SignatureError);
    }
    const [header, , signature] = (await signIdentity(PARTNER, SECRET)).split('.');
    const admin = Buffer.from(JSON.stringify({ identity: { ...PARTNER, admin: true }, iss: 'ngo-hub-gateway', aud: 'ngo-hub-subgraph' })).toString('base64url');
    await expect(verifier.verify(`${header}.${admin}.${signature}`)).rejects.toBeInstanceOf(SignatureError);
  });
});
