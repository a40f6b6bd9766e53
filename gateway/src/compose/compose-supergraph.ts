import { composeServices } from '@apollo/composition';
import { DEFAULT_PORTS, subgraphEntryPoint, SUBGRAPHS, type SubgraphName } from '@ngo-hub/kit';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'graphql';
import { repositoryRoot } from '../paths';

const run = promisify(execFile);

export function schemaDir(): string {
  return join(repositoryRoot(), 'schema');
}

/** Composition hints that were read and accepted; any other hint fails `npm run compose`. */
export function acceptedHints(): { code: string; reason: string }[] {
  return JSON.parse(readFileSync(join(schemaDir(), 'accepted-hints.json'), 'utf8')) as { code: string; reason: string }[];
}

export interface Composition {
  /** File name in schema/ → content. */
  files: Record<string, string>;
  hints: { code: string; message: string }[];
}

/** Each subgraph's SDL, printed by the subgraph's own process (its type-graphql schema alone). */
export async function printSubgraphSdl(name: SubgraphName): Promise<string> {
  const { stdout } = await run(process.execPath, [subgraphEntryPoint(name), 'print-schema'], { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/**
 * Composes the four subgraphs with @apollo/composition. Throws on composition errors and on
 * hints not listed in schema/accepted-hints.json.
 */
export async function composeSupergraph(): Promise<Composition> {
  const sdls = await Promise.all(SUBGRAPHS.map(async (name) => [name, await printSubgraphSdl(name)] as const));
  const result = composeServices(
    sdls.map(([name, sdl]) => ({ name, url: `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`, typeDefs: parse(sdl) })),
  );
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  const accepted = new Set(acceptedHints().map((h) => h.code));
  const hints = result.hints.map((h) => ({ code: h.definition.code, message: h.message }));
  const unaccepted = hints.filter((h) => !accepted.has(h.code));
  if (unaccepted.length) {
    throw new Error(
      `composition hints not accepted (fix them, or accept their code in schema/accepted-hints.json with a reason):\n${unaccepted.map((h) => `  - ${h.code}: ${h.message}`).join('\n')}`,
    );
  }
  const files: Record<string, string> = { 'supergraph.graphql': result.supergraphSdl.trimEnd() + '\n' };
  for (const [name, sdl] of sdls) files[`${name}.graphql`] = sdl.trimEnd() + '\n';
  return { files, hints };
}
