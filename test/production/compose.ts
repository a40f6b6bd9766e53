import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A service of docker-compose.yml, as far as the hub's file uses the Compose specification. */
export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string | number | null>;
  ports?: string[];
  volumes?: string[];
  restart?: string;
  profiles?: string[];
  depends_on?: Record<string, { condition: 'service_started' | 'service_healthy' | 'service_completed_successfully' }>;
  healthcheck?: { test: string[]; interval?: string; timeout?: string; retries?: number; start_period?: string };
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** KEY=value lines of an env file, as Compose reads `.env` (comments and blank lines skipped). */
export function parseEnvFile(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(line);
    if (!match || line.trimStart().startsWith('#')) continue;
    vars[match[1]] = match[2].trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  return vars;
}

/** A variable Compose refuses to run without (`${VAR:?message}`). */
export class MissingVariableError extends Error {}

/**
 * Compose's interpolation of one value: `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}`, `$VAR`, and `$$` for a literal `$`.
 */
export function interpolate(value: string, vars: Record<string, string | undefined>): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (whole, name, colon, operator, argument, bare) => {
      if (whole === '$$') return '$';
      if (bare) return vars[bare] ?? '';
      const value = vars[name];
      const unset = colon ? !value : value === undefined;
      if (operator === '-') return unset ? argument : value!;
      if (operator === '?') {
        if (unset) throw new MissingVariableError(`${name}: ${argument || 'required variable is missing'}`);
        return value!;
      }
      return value ?? '';
    },
  );
}

function interpolateAll(node: unknown, vars: Record<string, string | undefined>): unknown {
  if (typeof node === 'string') return interpolate(node, vars);
  if (Array.isArray(node)) return node.map((item) => interpolateAll(item, vars));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, interpolateAll(value, vars)]));
  return node;
}

/** docker-compose.yml parsed with a YAML parser (anchors, merge keys), then interpolated with `vars` as `docker compose` would. */
export function loadCompose(root: string, vars: Record<string, string | undefined>): ComposeFile {
  const raw = load(readFileSync(join(root, 'docker-compose.yml'), 'utf8'));
  return interpolateAll(raw, vars) as ComposeFile;
}

/** A service's environment as its container sees it: every value a string. */
export function serviceEnvironment(service: ComposeService): Record<string, string> {
  return Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, value === null ? '' : String(value)]));
}

/** The services `docker compose up` starts (those without a profile). */
export function defaultServices(compose: ComposeFile): string[] {
  return Object.keys(compose.services).filter((name) => !compose.services[name].profiles?.length);
}
