import { IdentitySigner, IdentityVerifier, SignatureError, SignedHeaders, signIdentity, verifyIdentity, IDENTITY_HEADER } from '../src/auth/gateway-signature';
import { ANONYMOUS, callerIdentity, serviceIdentity } from '../src/auth/identity';

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

describe('IdentitySigner: one signature per identity for the requests of the next 20 s', () => {
  afterEach(() => jest.useRealTimers());

  it("gives one caller's requests the same token, and each other identity a token of its own that carries it", async () => {
    const signer = new IdentitySigner(SECRET);
    const token = await signer.signatureFor(PARTNER);
    expect(await signer.signatureFor(callerIdentity({ ...PARTNER }))).toBe(token);
    // rights that changed are another identity, signed anew
    const admin = callerIdentity({ ...PARTNER, memberships: [{ ...PARTNER.memberships[0], role: 'ADMIN' }] });
    const others = await Promise.all([signer.signatureFor(admin), signer.signatureFor(ANONYMOUS)]);
    expect(new Set([token, ...others]).size).toBe(3);
    expect(await Promise.all([token, ...others].map((t) => verifyIdentity(t, SECRET)))).toEqual([PARTNER, admin, ANONYMOUS]);
  });

  it('signs again once 20 s have passed, so that a token reaches a subgraph well within its minute', async () => {
    jest.useFakeTimers({ now: Date.now(), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const signer = new IdentitySigner(SECRET);
    const headers = new SignedHeaders(serviceIdentity('test'), SECRET);
    const first = [await signer.signatureFor(PARTNER), (await headers.headers())[IDENTITY_HEADER]];
    jest.setSystemTime(Date.now() + 19_000);
    expect([await signer.signatureFor(PARTNER), (await headers.headers())[IDENTITY_HEADER]]).toEqual(first);
    // a second later in the token's own clock too (iat has second precision)
    jest.setSystemTime(Date.now() + 2_000);
    const second = [await signer.signatureFor(PARTNER), (await headers.headers())[IDENTITY_HEADER]];
    expect(second[0]).not.toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
  });
});
