import { DockerfileParser, type Env } from 'dockerfile-ast';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the hub's Dockerfile does, read with a Dockerfile parser. */
export interface ImageRecipe {
  /** The Node image of every stage (`node:24-bookworm-slim`). */
  baseImages: string[];
  /** The shell commands of the build stage's RUN instructions, in order. */
  buildSteps: string[];
  /** The final stage's WORKDIR (where `COPY --from=build` puts the built tree). */
  workdir: string;
  /** The final stage's ENV with ARG values substituted. */
  env(args: Record<string, string>): Record<string, string>;
  /** The final stage's CMD (exec form). */
  cmd: string[];
}

function expand(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, braced, bare) => vars[braced ?? bare] ?? '');
}

export function readDockerfile(root: string): ImageRecipe {
  const dockerfile = DockerfileParser.parse(readFileSync(join(root, 'Dockerfile'), 'utf8'));
  const stages: { from: string; instructions: ReturnType<typeof dockerfile.getInstructions> }[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') stages.push({ from: instruction.getArguments()[0].getValue(), instructions: [] });
    else stages.at(-1)!.instructions.push(instruction);
  }
  const build = stages[0];
  const final = stages.at(-1)!;
  const of = (keyword: string) => final.instructions.filter((i) => i.getKeyword() === keyword);
  const cmd = of('CMD').at(-1);
  return {
    baseImages: stages.map((s) => s.from),
    buildSteps: build.instructions.filter((i) => i.getKeyword() === 'RUN').map((i) => i.getArgumentsContent()!),
    workdir: of('WORKDIR').at(-1)!.getArgumentsContent()!,
    cmd: JSON.parse(cmd!.getArgumentsContent()!) as string[],
    env(args) {
      const vars: Record<string, string> = {};
      for (const instruction of final.instructions) {
        if (instruction.getKeyword() === 'ARG') {
          const [name, fallback] = instruction.getArgumentsContent()!.split('=');
          vars[name] = args[name] ?? fallback ?? '';
        }
      }
      const env: Record<string, string> = {};
      for (const instruction of of('ENV')) {
        for (const property of (instruction as Env).getProperties()) {
          env[property.getName()] = expand((property.getValue() ?? '').replace(/^"(.*)"$/, '$1'), { ...vars, ...env });
        }
      }
      return env;
    },
  };
}
