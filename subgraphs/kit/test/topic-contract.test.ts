import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * The contract of a topic is a type: what a publisher may write and what a filter may compare is
 * checked by the compiler. These tests compile small publishers and declarations against the
 * kit's sources and read the compiler's verdict.
 */
const SOURCES = join(__dirname, '..', 'src', 'events');

const HEADER = `
import type { EntityManager } from ${JSON.stringify(require.resolve('@mikro-orm/postgresql'))};
import { publishEvent } from ${JSON.stringify(join(SOURCES, 'publish'))};
import { GRANT_AWARDED, HUB_TOPICS, ORGANIZATION_CHANGED } from ${JSON.stringify(join(SOURCES, 'hub-topics'))};
import { atLeast, contains, defineFeed, defineTopic, equal } from ${JSON.stringify(join(SOURCES, 'topic-contract'))};
declare const em: EntityManager;
const grantRefs = { grant: { id: 'g' }, organization: { id: 'o' } };
const grantMatch = { funder: 'f', recipient: 'o', city: null, amount: { amount: '1.00', currency: 'CNY' }, cause: [], organization: ['o', 'f'] };
void [publishEvent, GRANT_AWARDED, HUB_TOPICS, ORGANIZATION_CHANGED, atLeast, contains, defineFeed, defineTopic, equal, grantRefs, grantMatch];
`;

let dir: string;
/** The last program compiled: the next reuses what did not change (the kit's sources, the libraries). */
let previous: ts.Program | undefined;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'topic-contract-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The compiler's errors for `body` (after the header), as messages. */
function errorsOf(body: string): string[] {
  const file = join(dir, `case-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, HEADER + body);
  const program = ts.createProgram(
    [file],
    {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      skipLibCheck: true,
      types: [],
      typeRoots: [join(__dirname, '..', '..', '..', 'node_modules', '@types')],
    },
    undefined,
    previous,
  );
  previous = program;
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
}

describe('topic contracts are checked by the compiler', () => {
  it('accepts a publisher that writes exactly what its topic declares', () => {
    expect(errorsOf(`publishEvent(em, GRANT_AWARDED, { summary: 's', refs: grantRefs, match: grantMatch });`)).toEqual([]);
  }, 60_000);

  it('refuses a match key, a ref or an own field the topic does not declare, and a missing one', () => {
    const errors = errorsOf(`
      publishEvent(em, GRANT_AWARDED, { summary: 's', refs: grantRefs, match: { ...grantMatch, town: 'x' } });
      publishEvent(em, GRANT_AWARDED, { summary: 's', refs: { ...grantRefs, person: { id: 'p' } }, match: grantMatch });
      publishEvent(em, GRANT_AWARDED, { summary: 's', refs: { grant: { id: 'g' } }, match: grantMatch });
      publishEvent(em, ORGANIZATION_CHANGED, { summary: 's', refs: { organization: { id: 'o' } }, fields: { change: 'CREATED', mood: 'glad' }, match: { city: null, kind: 'NGO', cause: [], organization: 'o' } });
      publishEvent(em, ORGANIZATION_CHANGED, { summary: 's', refs: { organization: { id: 'o' } }, match: { city: null, kind: 'NGO', cause: [], organization: 'o' } });
      publishEvent(em, GRANT_AWARDED, { summary: 's', refs: grantRefs, match: { ...grantMatch, amount: '1.00' } });
    `);
    expect(errors).toEqual([
      expect.stringContaining("'town' does not exist"),
      expect.stringContaining("'person' does not exist"),
      expect.stringContaining("Property 'organization' is missing"),
      expect.stringContaining("'mood' does not exist"),
      expect.stringContaining("Property 'fields' is missing"),
      expect.stringContaining("Type 'string' is not assignable"),
    ]);
  }, 60_000);

  it('refuses a filter rule on a match key the topic does not declare, or of another kind', () => {
    const topic = (filter: string) =>
      `defineTopic({ topic: 'T', match: { city: 'text', skill: 'texts', amount: 'money' }, refs: {}, fields: [], subscription: { field: 't', eventType: 'T' }, filter: ${filter} });`;
    expect(errorsOf(topic(`{ city: equal('city'), skill: contains('skill'), minAmount: atLeast('amount') }`))).toEqual([]);
    expect(errorsOf(topic(`{ town: equal('town') }`))).toEqual([expect.stringContaining('"town"')]);
    expect(errorsOf(topic(`{ city: contains('city') }`))).toEqual([expect.stringContaining('"contains"')]);
    expect(errorsOf(topic(`{ minCity: atLeast('city') }`))).toEqual([expect.stringContaining('"atLeast"')]);
  }, 60_000);

  it("refuses a feed's filter rule on a match key that not every one of its topics declares", () => {
    const feed = (filter: string) => `defineFeed({ field: 'f', eventType: 'F', topics: HUB_TOPICS, filter: ${filter} });`;
    expect(errorsOf(feed(`{ city: equal('city'), cause: contains('cause') }`))).toEqual([]);
    expect(errorsOf(feed(`{ skill: contains('skill') }`))).toEqual([expect.stringContaining('"skill"')]);
  }, 60_000);
});
