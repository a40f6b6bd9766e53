import { ConfigError, SubgraphClient, UserInputError, type GraphQLAnswer, type HubContext } from '@ngo-hub/kit';

/** What the funding subgraph reads of an organization for exports. */
export interface OrganizationSummary {
  name: string;
  /** org-id.guide identifier the organizations subgraph knows (CN-USCI-… from the credit code), if any. */
  orgId: string | null;
}

/** The fields of the organizations subgraph's CreateOrganizationInput the importer fills. */
export interface NewOrganization {
  name: string;
  kind: string;
  /** ISO 3166-1 alpha-2; null when the file does not say (never assumed). */
  country?: string | null;
  /** org-ids it is published with (not CN-USCI-…, which is the credit code). */
  orgIds?: string[];
  city?: string;
  website?: string;
  registration?: { status: 'REGISTERED'; creditCode: string };
}

export type CreatedOrganization = { id: string } | { error: string; code?: string; field?: string };

/** Filters of the organizations subgraph's `organizations` query that funding asks about. */
export interface DirectoryFilter {
  city?: string;
  province?: string;
  kinds?: string[];
  registrationStatuses?: string[];
}

/** Imports create thousands of organizations a request: more time than a reference check. */
const TIMEOUT_MS = 15_000;
const PAGE = 100;
const DESCRIBE_BATCH = 200;
const CREATE_CONCURRENCY = 8;
/** Organizations a `_createOrganizations` request creates; the subgraph takes up to 500. */
const CREATE_BATCH = 250;
/** org-ids asked about in one `organizations(filter: { orgIds })` (the filter takes at most 5,000). */
const ORG_ID_BATCH = 5000;

/**
 * The organizations subgraph, asked over HTTP through its public API (`organizations`,
 * `_entities`, `createOrganization`): funding never reads or writes another schema.
 */
export class OrganizationDirectory {
  constructor(private readonly client: SubgraphClient) {}

  /** The directory as the funding subgraph asks it while serving a request, signed as the subgraph. */
  static of(ctx: HubContext): OrganizationDirectory {
    return new OrganizationDirectory(ctx.references.client('organizations', TIMEOUT_MS));
  }

  /** The directory for an operator's tool (360Giving import and export), signed with GATEWAY_SECRET. */
  static forTool(url: string, gatewaySecret: string | undefined, tool: string): OrganizationDirectory {
    if (!gatewaySecret) throw new ConfigError('GATEWAY_SECRET must be set: the organizations subgraph answers only requests signed with it');
    return new OrganizationDirectory(SubgraphClient.asService(tool, 'organizations', url, gatewaySecret, TIMEOUT_MS));
  }

  private post<T>(query: string, variables: Record<string, unknown>): Promise<GraphQLAnswer<T>> {
    return this.client.post<T>(query, variables);
  }

  private read<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    return this.client.read<T>(query, variables);
  }

  /** Fails with a clear message when the organizations subgraph does not answer. */
  async assertReachable(): Promise<void> {
    await this.read<{ __typename: string }>('{ __typename }', {});
  }

  /**
   * Ids of the organizations matching a filter, paging through `organizations`. Refuses (naming
   * `field`) a filter matching more than `limit`, before fetching them all.
   */
  async idsMatching(filter: DirectoryFilter, limit: number, field: string): Promise<string[]> {
    const query = `query($filter: OrganizationFilter, $first: Int, $after: String) {
      organizations(filter: $filter, first: $first, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } }
    }`;
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      type Answer = { organizations: { totalCount: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
      const { organizations }: Answer = await this.read<Answer>(query, { filter, first: PAGE, after });
      if (organizations.totalCount > limit) {
        throw new UserInputError(`${field} matches ${organizations.totalCount} organizations; narrow it to at most ${limit}`, field);
      }
      ids.push(...organizations.nodes.map((n) => n.id));
      if (!organizations.pageInfo.hasNextPage) return ids;
      after = organizations.pageInfo.endCursor;
    }
  }

  /** The organizations known by any of these org-ids (published ones, or credit codes' CN-USCI-…): org-id → id. */
  async idsByOrgIds(orgIds: readonly string[]): Promise<Map<string, string>> {
    const query = `query($orgIds: [String!]!, $after: String) {
      organizations(filter: { orgIds: $orgIds }, first: ${PAGE}, after: $after) { nodes { id orgIds } pageInfo { hasNextPage endCursor } }
    }`;
    const found = new Map<string, string>();
    for (let start = 0; start < orgIds.length; start += ORG_ID_BATCH) {
      const batch = orgIds.slice(start, start + ORG_ID_BATCH);
      const wanted = new Set(batch);
      let after: string | null = null;
      for (;;) {
        type Answer = { organizations: { nodes: { id: string; orgIds: string[] }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
        const { organizations }: Answer = await this.read<Answer>(query, { orgIds: batch, after });
        for (const node of organizations.nodes) for (const orgId of node.orgIds) if (wanted.has(orgId) && !found.has(orgId)) found.set(orgId, node.id);
        if (!organizations.pageInfo.hasNextPage) break;
        after = organizations.pageInfo.endCursor;
      }
    }
    return found;
  }

  /** Names and org-ids of organizations by id, through `_entities`; ids it does not know are left out. */
  async describe(ids: readonly string[]): Promise<Map<string, OrganizationSummary>> {
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Organization { id name orgId } } }`;
    const found = new Map<string, OrganizationSummary>();
    const unique = [...new Set(ids)];
    for (let start = 0; start < unique.length; start += DESCRIBE_BATCH) {
      const batch = unique.slice(start, start + DESCRIBE_BATCH);
      type Answer = { _entities: ({ id: string; name: string; orgId: string | null } | null)[] };
      const answer = await this.read<Answer>(query, { representations: batch.map((id) => ({ __typename: 'Organization', id })) });
      for (const entity of answer._entities) if (entity) found.set(entity.id, { name: entity.name, orgId: entity.orgId });
    }
    return found;
  }

  /**
   * Creates organizations through the organizations subgraph's internal `_createOrganizations`,
   * CREATE_BATCH a request (each created on its own there, so a refused one says why and leaves
   * the others created). A batch the subgraph refuses as a whole (an input that does not
   * validate) is created one `createOrganization` request each, to learn which.
   */
  async create(organizations: readonly NewOrganization[]): Promise<CreatedOrganization[]> {
    const mutation = `mutation($inputs: [CreateOrganizationInput!]!) { _createOrganizations(inputs: $inputs) { id errorCode errorMessage errorField } }`;
    const batches: (readonly NewOrganization[])[] = [];
    for (let start = 0; start < organizations.length; start += CREATE_BATCH) batches.push(organizations.slice(start, start + CREATE_BATCH));
    const answers: CreatedOrganization[][] = new Array(batches.length);
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const index = next++;
        type Answer = { _createOrganizations: { id: string | null; errorCode: string | null; errorMessage: string | null; errorField: string | null }[] };
        const answer = await this.post<Answer>(mutation, { inputs: batches[index] });
        const created = answer.data?._createOrganizations;
        if (created) {
          answers[index] = created.map((c) =>
            c.id ? { id: c.id } : { error: c.errorMessage ?? 'refused', code: c.errorCode ?? undefined, field: c.errorField ?? undefined },
          );
        } else if (answer.errors?.every((e) => e.extensions?.code === 'BAD_USER_INPUT')) {
          answers[index] = await this.createOneByOne(batches[index]);
        } else {
          throw new Error(`the organizations subgraph failed to create organizations: ${answer.errors?.map((e) => e.message).join('; ') ?? 'no answer'}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CREATE_CONCURRENCY, batches.length) }, worker));
    return answers.flat();
  }

  /**
   * Creates organizations, one `createOrganization` request each (several at a time): a refused
   * one in a multi-mutation request would null the answers of those created alongside it.
   */
  private async createOneByOne(organizations: readonly NewOrganization[]): Promise<CreatedOrganization[]> {
    const mutation = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } } }`;
    const results: CreatedOrganization[] = new Array(organizations.length);
    let next = 0;
    const worker = async () => {
      while (next < organizations.length) {
        const index = next++;
        type Answer = { createOrganization: { organization: { id: string } } };
        const answer = await this.post<Answer>(mutation, { input: organizations[index] });
        const error = answer.errors?.[0];
        if (answer.data?.createOrganization) results[index] = { id: answer.data.createOrganization.organization.id };
        else if (error && error.extensions?.code !== 'INTERNAL_SERVER_ERROR') {
          results[index] = { error: error.message, code: error.extensions?.code, field: error.extensions?.field };
        } else {
          throw new Error(`the organizations subgraph failed to create ${JSON.stringify(organizations[index].name)}: ${error?.message ?? 'no answer'}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CREATE_CONCURRENCY, organizations.length) }, worker));
    return results;
  }
}
