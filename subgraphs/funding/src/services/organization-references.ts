import { isUuid, NotFoundError, type References } from '@ngo-hub/kit';

/**
 * Checks that organizations exist, asking the organizations subgraph once for all of them, and
 * names the input field of the first one that does not. (`References.assertExist` names one
 * field for all its ids; a grant names two organizations in two fields.)
 */
export async function assertOrganizationsExist(references: References, idsByField: Record<string, string>): Promise<void> {
  const entries = Object.entries(idsByField);
  const malformed = entries.find(([, id]) => !isUuid(id));
  if (malformed) throw new NotFoundError('Organization', malformed[1], malformed[0]);
  const found = await references.existing('Organization', [...new Set(entries.map(([, id]) => id))]);
  const missing = entries.find(([, id]) => !found.has(id));
  if (missing) throw new NotFoundError('Organization', missing[1], missing[0]);
}
