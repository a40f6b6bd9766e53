import { SubgraphClient, type Membership, type OrganizationRole } from '@ngo-hub/kit/common';
import { LRUCache } from 'lru-cache';
import { SubgraphUnavailableError } from '../subgraph-data-source';

/** An API key as the organizations subgraph knows it. */
export interface ApiKeyRecord {
  id: string;
  organizationId: string;
  role: OrganizationRole;
}

/**
 * What the organizations subgraph knows about credentials (API keys by hash, a person's
 * memberships), asked through its internal fields with the gateway's own signature and cached
 * briefly: a revoked key stops working within `cacheMs`.
 */
export class CredentialDirectory {
  private readonly organizations: SubgraphClient;
  private readonly keys: LRUCache<string, { record: ApiKeyRecord | null }>;
  private readonly memberships: LRUCache<string, { list: Membership[] }>;
  /** How many times memberships were forgotten: an answer asked for before the last time is not kept. */
  private forgotten = 0;

  constructor(organizationsUrl: string, gatewaySecret: string, cacheMs: number, timeoutMs = 5_000) {
    this.organizations = SubgraphClient.asService('gateway', 'organizations', organizationsUrl, gatewaySecret, timeoutMs);
    const options = { max: 10_000, ttl: Math.max(cacheMs, 1), ttlAutopurge: false };
    this.keys = new LRUCache(options);
    this.memberships = new LRUCache(options);
  }

  /** The API key's record, from the cache when it holds it (undefined: ask `apiKey`). */
  cachedApiKey(hash: string): ApiKeyRecord | null | undefined {
    return this.keys.get(hash)?.record;
  }

  async apiKey(hash: string): Promise<ApiKeyRecord | null> {
    const cached = this.cachedApiKey(hash);
    if (cached !== undefined) return cached;
    const data = await this.ask<{ _apiKeyCredential: ApiKeyRecord | null }>(
      `query($hash: String!) { _apiKeyCredential(hash: $hash) { id organizationId role } }`,
      { hash },
    );
    this.keys.set(hash, { record: data._apiKeyCredential });
    return data._apiKeyCredential;
  }

  /** The person's memberships, from the cache when it holds them (undefined: ask `membershipsOf`). */
  cachedMembershipsOf(personId: string): Membership[] | undefined {
    return this.memberships.get(personId)?.list;
  }

  async membershipsOf(personId: string): Promise<Membership[]> {
    const cached = this.cachedMembershipsOf(personId);
    if (cached) return cached;
    const asked = this.forgotten;
    const data = await this.ask<{ _membershipsOf: Membership[] }>(`query($personId: ID!) { _membershipsOf(personId: $personId) { organizationId role } }`, {
      personId,
    });
    // an answer that may predate a write is used once, not kept
    if (asked === this.forgotten) this.memberships.set(personId, { list: data._membershipsOf });
    return data._membershipsOf;
  }

  /** Drops the person's cached memberships (their write may have changed them): their next request looks them up again. */
  forgetMembershipsOf(personId: string): void {
    this.forgotten += 1;
    this.memberships.delete(personId);
  }

  private async ask<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    try {
      return await this.organizations.read<T>(query, variables);
    } catch {
      throw new SubgraphUnavailableError('organizations', 'cannot check credentials');
    }
  }
}
