import type { ApolloServerPlugin } from '@apollo/server';
import { ConfigError } from '@ngo-hub/kit/common';
import { GraphQLError } from 'graphql';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Caller } from './caller';
import type { TrustedDocumentsMode } from './limits-config';

/** The sha256 (hex) of a document's exact text: the id APQ clients and the manifest use. */
export function documentHash(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** Apollo's persisted query manifest format, as `@apollo/generate-persisted-query-manifest` writes it. */
const manifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(
    z.object({ id: z.string().regex(/^[0-9a-f]{64}$/), name: z.string(), type: z.enum(['query', 'mutation', 'subscription']), body: z.string().min(1) }),
  ),
});
export type TrustedDocumentsManifest = z.infer<typeof manifestSchema>;

/** The registered operations, by hash. */
export class TrustedDocuments {
  private readonly byHash: Map<string, string>;

  constructor(manifest: TrustedDocumentsManifest) {
    this.byHash = new Map(manifest.operations.map((operation) => [operation.id, operation.body]));
  }

  get size(): number {
    return this.byHash.size;
  }

  get(hash: string): string | undefined {
    return this.byHash.get(hash);
  }

  has(hash: string): boolean {
    return this.byHash.has(hash);
  }

  /** Reads and checks the manifest; every id must be the hash of its body. Missing is empty unless `required`. */
  static load(path: string, required: boolean): TrustedDocuments {
    if (!existsSync(path)) {
      if (required) throw new ConfigError(`TRUSTED_DOCUMENTS_PATH=${JSON.stringify(path)}: no such file, and trusted documents are enforced`);
      return new TrustedDocuments({ format: 'apollo-persisted-query-manifest', version: 1, operations: [] });
    }
    let parsed: z.ZodSafeParseResult<TrustedDocumentsManifest>;
    try {
      parsed = manifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    } catch (error) {
      throw new ConfigError(`TRUSTED_DOCUMENTS_PATH=${JSON.stringify(path)}: not JSON (${(error as Error).message})`);
    }
    if (!parsed.success)
      throw new ConfigError(
        `TRUSTED_DOCUMENTS_PATH=${JSON.stringify(path)}: not a persisted query manifest (${parsed.error.issues[0].message} at ${parsed.error.issues[0].path.join('.')})`,
      );
    const wrong = parsed.data.operations.find((operation) => documentHash(operation.body) !== operation.id);
    if (wrong)
      throw new ConfigError(
        `TRUSTED_DOCUMENTS_PATH=${JSON.stringify(path)}: operation ${wrong.name} has id ${wrong.id}, which is not the sha256 of its body; regenerate the manifest`,
      );
    return new TrustedDocuments(parsed.data);
  }
}

/** Whether this caller may run registered operations only. */
export function mustUseTrustedDocuments(mode: TrustedDocumentsMode, clients: string[], caller: Caller | undefined): boolean {
  if (mode === 'all') return true;
  return mode === 'flagged' && !!caller?.clientName && clients.includes(caller.clientName);
}

/**
 * PERSISTED_QUERY_NOT_IN_LIST when `caller` must use trusted documents and the operation's hash
 * (sha256 of its exact text) is not in the manifest; over HTTP and WebSocket alike.
 */
export function untrustedRefusal(
  documents: TrustedDocuments,
  mode: TrustedDocumentsMode,
  clients: string[],
  caller: Caller | undefined,
  operation: { hash: string; name?: string | null },
): GraphQLError | undefined {
  if (!mustUseTrustedDocuments(mode, clients, caller) || documents.has(operation.hash)) return undefined;
  const who = mode === 'all' ? 'This hub runs' : `Client ${JSON.stringify(caller?.clientName)} may run`;
  return new GraphQLError(
    `${who} registered operations only, and operation ${operation.name ?? '(anonymous)'} (sha256 ${operation.hash}) is not in the trusted documents manifest; register it with \`npm run trusted-documents\`.`,
    { extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST', http: { status: 403 } } },
  );
}

/**
 * Trusted documents: a caller who must use them (see `mustUseTrustedDocuments`) is refused any
 * operation whose hash is not in the manifest, whether it came as text or by APQ hash, and
 * before Apollo would register it in the APQ cache. The queries the gateway builds itself to
 * resolve an admitted subscription's events (`derived`) are not the caller's text.
 */
export function trustedDocumentsPolicy(
  documents: TrustedDocuments,
  mode: TrustedDocumentsMode,
  clients: string[],
): ApolloServerPlugin<{ caller?: Caller; derived?: boolean }> {
  return {
    async requestDidStart({ contextValue }) {
      if (contextValue.derived || !mustUseTrustedDocuments(mode, clients, contextValue.caller)) return;
      return {
        async didResolveOperation({ queryHash, operationName }) {
          const refusal = untrustedRefusal(documents, mode, clients, contextValue.caller, { hash: queryHash, name: operationName });
          if (refusal) throw refusal;
        },
      };
    },
  };
}
