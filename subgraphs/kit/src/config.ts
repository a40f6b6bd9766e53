import { z } from 'zod';

export const SUBGRAPHS = ['organizations', 'people', 'funding', 'training'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

export const DEFAULT_PORTS: Record<SubgraphName | 'gateway', number> = {
  gateway: 4000,
  organizations: 4001,
  people: 4002,
  funding: 4003,
  training: 4004,
};

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/ngohub';

/** ORGANIZATIONS_URL, PEOPLE_URL, ...: optional, but a URL when given. */
export function subgraphUrlVariables() {
  return Object.fromEntries(SUBGRAPHS.map((s) => [`${s.toUpperCase()}_URL`, httpUrl.optional()]));
}

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/[^/]+\/[^/?]+/.test(value), 'a postgres:// URL naming a database, e.g. postgres://postgres@127.0.0.1:5432/ngohub');
const httpUrl = z.string().refine((value) => /^https?:\/\/\S+$/.test(value) && URL.canParse(value), 'an http:// URL, e.g. http://127.0.0.1:4001/graphql');
const port = z.coerce.number().int().min(0).max(65535);
/** GATEWAY_SECRET: shared by the gateway and every subgraph; HS256 wants 256 bits or more. */
export const gatewaySecretVariable = z
  .string()
  .min(32, 'a secret of at least 32 characters shared by the gateway and every subgraph, e.g. from `openssl rand -hex 32`');

/** Where every subgraph answers, from ORGANIZATIONS_URL, PEOPLE_URL, ... (defaults: localhost). */
export function subgraphUrls(env: NodeJS.ProcessEnv = process.env): Record<SubgraphName, string> {
  return Object.fromEntries(SUBGRAPHS.map((name) => [name, env[`${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`])) as Record<
    SubgraphName,
    string
  >;
}

/** A subgraph's database: its own URL if set (ORGANIZATIONS_DATABASE_URL, ...), else DATABASE_URL. */
export function subgraphDatabaseUrl(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): string {
  return env[`${name.toUpperCase()}_DATABASE_URL`] ?? env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

export interface SubgraphConfig {
  name: SubgraphName;
  host: string;
  port: number;
  databaseUrl: string;
  urls: Record<SubgraphName, string>;
  logLevel: string;
  /** Shared with the gateway: subgraphs answer only requests whose identity it signed (GATEWAY_SECRET). */
  gatewaySecret?: string;
  /** Days the audit log keeps an entry (AUDIT_RETENTION_DAYS); 0 keeps them forever. */
  auditRetentionDays: number;
}

export class ConfigError extends Error {}

/**
 * Parses a process's environment against a schema; a bad value names its variable and what was
 * expected. An empty variable counts as unset (docker-compose.yml passes `${JWKS_URL:-}` as "").
 */
export function parseEnv<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const result = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const variable = issue.path.join('.');
    return `${variable}=${JSON.stringify(env[variable] ?? null)}: expected ${issue.message}`;
  });
  throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
}

/**
 * DATABASE_PREPARED_STATEMENTS: `on` (the default) or `off`, for a pooler between the hub and
 * PostgreSQL that does not keep prepared statements (PgBouncer before 1.21 in transaction mode,
 * or later without `max_prepared_statements`). Without it, the hub stops preparing statements at
 * the first one such a pooler loses, which fails that one request if it was in a transaction.
 */
export function preparedStatementsOf(env: NodeJS.ProcessEnv = process.env): boolean {
  const parsed = parseEnv(z.object({ DATABASE_PREPARED_STATEMENTS: z.enum(['on', 'off']).default('on') }), env);
  return parsed.DATABASE_PREPARED_STATEMENTS === 'on';
}

export function loadSubgraphConfig(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  const databaseVariable = `${name.toUpperCase()}_DATABASE_URL`;
  const parsed = parseEnv(
    z.object({
      HOST: z.string().min(1).default('127.0.0.1'),
      PORT: port.default(DEFAULT_PORTS[name]),
      LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
      DATABASE_URL: postgresUrl.optional(),
      [databaseVariable]: postgresUrl.optional(),
      GATEWAY_SECRET: gatewaySecretVariable.optional(),
      AUDIT_RETENTION_DAYS: z.coerce.number().int('a whole number of days').min(0).default(730),
      ...subgraphUrlVariables(),
    }),
    env,
  ) as { HOST: string; PORT: number; LOG_LEVEL: string; GATEWAY_SECRET?: string; AUDIT_RETENTION_DAYS: number };
  return {
    name,
    host: parsed.HOST,
    port: parsed.PORT,
    logLevel: parsed.LOG_LEVEL,
    databaseUrl: subgraphDatabaseUrl(name, env),
    urls: subgraphUrls(env),
    gatewaySecret: parsed.GATEWAY_SECRET,
    auditRetentionDays: parsed.AUDIT_RETENTION_DAYS,
  };
}
