import { ANONYMOUS, callerIdentity, verifyIdentity } from '@ngo-hub/kit/common';
import { IdentitySigner } from '../auth/identity-signature';

const SECRET = 's'.repeat(64);

describe('IdentitySigner: one signature per identity for its subgraph fetches', () => {
  it("gives one caller's requests the same token, and each other identity a token of its own that carries it", async () => {
    const signer = new IdentitySigner(SECRET);
    const editor = callerIdentity({ apiKeyId: 'k1', memberships: [{ organizationId: 'o1', role: 'EDITOR' }] });
    const token = await signer.signatureFor(editor);
    expect(await signer.signatureFor(callerIdentity({ apiKeyId: 'k1', memberships: [{ organizationId: 'o1', role: 'EDITOR' }] }))).toBe(token);

    // rights that changed are another identity, signed anew
    const admin = callerIdentity({ apiKeyId: 'k1', memberships: [{ organizationId: 'o1', role: 'ADMIN' }] });
    const others = await Promise.all([signer.signatureFor(admin), signer.signatureFor(ANONYMOUS)]);
    expect(new Set([token, ...others]).size).toBe(3);
    expect(await Promise.all([token, ...others].map((t) => verifyIdentity(t, SECRET)))).toEqual([editor, admin, ANONYMOUS]);
  });
});
