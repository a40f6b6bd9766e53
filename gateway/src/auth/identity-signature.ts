import { signIdentity, type Identity } from '@ngo-hub/kit/common';

/** Re-signed after this long, well within the signature's one-minute lifetime (long-lived contexts: subscriptions). */
const REUSE_MS = 20_000;

/**
 * Signs a request's identity once for all of its subgraph fetches: every subgraph verifies it
 * with GATEWAY_SECRET and refuses requests without it.
 */
export class IdentitySigner {
  private readonly signatures = new WeakMap<object, { token: Promise<string>; at: number }>();

  constructor(private readonly secret: string) {}

  signatureFor(context: object, identity: Identity): Promise<string> {
    const now = Date.now();
    let signature = this.signatures.get(context);
    if (!signature || now - signature.at > REUSE_MS) {
      signature = { token: signIdentity(identity, this.secret), at: now };
      this.signatures.set(context, signature);
    }
    return signature.token;
  }
}
