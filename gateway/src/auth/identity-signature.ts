import { signIdentity, type Identity } from '@ngo-hub/kit/common';
import { LRUCache } from 'lru-cache';

/** Re-signed after this long, well within the signature's one-minute lifetime (long-lived contexts: subscriptions). */
const REUSE_MS = 20_000;
/** Identities whose signature is kept for reuse; the least recently used go first. */
const MAX_IDENTITIES = 10_000;

/**
 * Signs each identity once for all of its subgraph fetches for `REUSE_MS`: every subgraph verifies
 * it with GATEWAY_SECRET and refuses requests without it. A token says only who is asking, so the
 * requests of one caller may share it; when their rights change, so does their identity (and the
 * key it is kept under). Signing per identity rather than per request spares an HMAC per request
 * here, and lets each subgraph verify a caller's token once (kit gateway-signature.ts).
 */
export class IdentitySigner {
  private readonly signatures = new LRUCache<string, Promise<string>>({ max: MAX_IDENTITIES, ttl: REUSE_MS, ttlAutopurge: false });

  constructor(private readonly secret: string) {}

  signatureFor(identity: Identity): Promise<string> {
    const key = JSON.stringify(identity);
    let token = this.signatures.get(key);
    if (!token) {
      token = signIdentity(identity, this.secret);
      this.signatures.set(key, token);
      token.catch(() => this.signatures.delete(key));
    }
    return token;
  }
}
