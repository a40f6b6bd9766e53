import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, defineLoader, findOrNotFound, generateApiKey, type Identity, requiredText } from '@ngo-hub/kit';
import { ApiKey } from '../entities/api-key';
import { Organization } from '../entities/organization';
import type { CreateApiKeyInput } from '../inputs/api-key.input';
import { OrganizationRole } from '../vocabulary/organization-role';

/** Who did it, as the audit columns record it. */
/** How `ApiKey.createdBy` names a person who created a key. */
export function personActor(personId: string): string {
  return `person:${personId}`;
}

export function actorOf(identity: Identity): string {
  if (identity.kind === 'service') return `service:${identity.service}`;
  if (identity.kind === 'anonymous') return 'anonymous';
  if (identity.apiKeyId) return `api-key:${identity.apiKeyId}`;
  if (identity.personId) return personActor(identity.personId);
  return 'hub-admin';
}

/** Creates a key; the plaintext is returned here and never stored or shown again. */
export async function createApiKey(em: EntityManager, input: CreateApiKeyInput, identity: Identity): Promise<{ apiKey: ApiKey; key: string }> {
  const name = requiredText(input.name, 'name', 100);
  return em.transactional(async (tx) => {
    const organization = await findOrNotFound(tx, Organization, input.organizationId, 'organizationId');
    const { key, hash, prefix } = generateApiKey();
    const apiKey = tx.create(ApiKey, { organization, name, prefix, hash, role: input.role ?? OrganizationRole.EDITOR, createdBy: actorOf(identity) });
    await tx.flush();
    return { apiKey, key };
  });
}

export async function apiKeyById(em: EntityManager, id: string): Promise<ApiKey> {
  const apiKey = await findOrNotFound(em, ApiKey, id, 'id');
  return apiKey;
}

/** Revokes a key at once; the gateway stops accepting it within its identity cache time (seconds). */
export async function revokeApiKey(em: EntityManager, id: string): Promise<ApiKey> {
  return em.transactional(async (tx) => {
    const apiKey = await apiKeyById(tx, id);
    if (apiKey.revokedAt) throw new ConflictError(`API key ${apiKey.prefix}… was already revoked on ${apiKey.revokedAt.toISOString()}`);
    apiKey.revokedAt = new Date();
    await tx.flush();
    return apiKey;
  });
}

/** A working (not revoked) key by the SHA-256 of its plaintext, for the gateway. */
export function activeApiKeyByHash(em: EntityManager, hash: string): Promise<ApiKey | null> {
  return em.findOne(ApiKey, { hash, revokedAt: null });
}

/** Keys of many organizations, newest first, in one statement. */
export const apiKeysOfOrganization = defineLoader<string, ApiKey[]>('apiKeysOfOrganization', async (ids, ctx) => {
  const rows = await ctx.em.find(ApiKey, { organization: { $in: [...ids] } }, { orderBy: { createdAt: 'desc', id: 'asc' } });
  return ids.map((id) => rows.filter((row) => row.organization.id === id));
});
