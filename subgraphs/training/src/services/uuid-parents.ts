import { isUuid, pageRequest, type ConnectionArgs, type Page } from '@ngo-hub/kit';

/**
 * Pages of a connection field whose parents come from federation representations, which may
 * carry any id: parents whose id is not a UUID get an empty page and never reach SQL.
 */
export async function pagesOfUuidParents<T>(
  parentIds: readonly string[],
  args: ConnectionArgs,
  load: (validIds: string[]) => Promise<Page<T>[]>,
): Promise<Page<T>[]> {
  const request = pageRequest(args);
  const valid = parentIds.filter(isUuid);
  const pages = valid.length ? await load(valid) : [];
  const byId = new Map(valid.map((id, i) => [id, pages[i]]));
  return parentIds.map(
    (id) =>
      byId.get(id) ?? {
        edges: [],
        nodes: [],
        totalCount: 0,
        pageInfo: { hasNextPage: false, hasPreviousPage: request.after !== undefined, startCursor: null, endCursor: null },
      },
  );
}
