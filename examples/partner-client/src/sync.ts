import { readFile, rename, writeFile } from 'node:fs/promises';
import { graphql } from './gql';
import type { OrganizationChangesQuery, OrganizationRemovalsQuery } from './gql/graphql';
import { HubClient } from './hub-client';

// A partner's mirror of the hub's organization directory, kept current by reading only what changed.
// Run it as often as you like (a cron job): the first run copies the directory, each later run reads
// the rows changed since the last one, in update order, and the removals, then saves the mirror.
// HUB_URL (default http://localhost:4000/graphql), HUB_API_KEY, MIRROR (default organizations-mirror.json),
// CITY (optional: mirror one city's organizations only).

const OrganizationChanges = graphql(`
  query OrganizationChanges($city: String, $after: String) {
    organizations(filter: { city: $city }, orderBy: UPDATED_AT, first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        nameZh
        kind
        city
        orgId
        updatedAt
      }
    }
  }
`);

const OrganizationRemovals = graphql(`
  query OrganizationRemovals($after: String) {
    removedOrganizations(first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        removedAt
      }
    }
  }
`);

type MirroredOrganization = OrganizationChangesQuery['organizations']['nodes'][number];

/** What a run leaves for the next: the rows, and where each list stopped. */
interface Mirror {
  city: string | null;
  /** The last `endCursor` of the changes, ordered by update time: the next run resumes exactly after it. */
  changesCursor: string | null;
  removalsCursor: string | null;
  organizations: Record<string, MirroredOrganization>;
}

async function load(path: string, city: string | null): Promise<Mirror> {
  try {
    const mirror = JSON.parse(await readFile(path, 'utf8')) as Mirror;
    if (mirror.city === city) return mirror;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return { city, changesCursor: null, removalsCursor: null, organizations: {} };
}

/** Saves through a temporary file, so a run that dies half-way leaves the previous mirror whole. */
async function save(path: string, mirror: Mirror): Promise<void> {
  await writeFile(`${path}.tmp`, JSON.stringify(mirror, null, 2));
  await rename(`${path}.tmp`, path);
}

async function main(): Promise<void> {
  const client = new HubClient(process.env.HUB_URL ?? 'http://localhost:4000/graphql', process.env.HUB_API_KEY);
  const path = process.env.MIRROR ?? 'organizations-mirror.json';
  const mirror = await load(path, process.env.CITY ?? null);

  // Changes first, in update order. A row changed while we read moves to the end of the list and is
  // read again there; a cursor is kept even from the last page, so the next run starts after it.
  let changed = 0;
  for (let more = true; more;) {
    const { organizations }: OrganizationChangesQuery = await client.request(OrganizationChanges, { city: mirror.city, after: mirror.changesCursor });
    for (const organization of organizations.nodes) mirror.organizations[organization.id] = organization;
    changed += organizations.nodes.length;
    mirror.changesCursor = organizations.pageInfo.endCursor ?? mirror.changesCursor;
    more = organizations.pageInfo.hasNextPage;
  }

  // Then removals (deleted, or no longer listed): ids and times only.
  let removed = 0;
  for (let more = true; more;) {
    const { removedOrganizations }: OrganizationRemovalsQuery = await client.request(OrganizationRemovals, { after: mirror.removalsCursor });
    for (const removal of removedOrganizations.nodes) {
      const mirrored = mirror.organizations[removal.id];
      // a row listed again after its removal (a profile made public again) was read above, newer: keep it
      if (!mirrored || Date.parse(mirrored.updatedAt) > Date.parse(removal.removedAt)) continue;
      delete mirror.organizations[removal.id];
      removed += 1;
    }
    mirror.removalsCursor = removedOrganizations.pageInfo.endCursor ?? mirror.removalsCursor;
    more = removedOrganizations.pageInfo.hasNextPage;
  }

  await save(path, mirror);
  console.log(JSON.stringify({ changed, removed, size: Object.keys(mirror.organizations).length }));
  await client.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
