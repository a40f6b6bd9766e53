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

/** Each case's body (after the header), compiled together in one program: a program per case type-checked the same libraries nine times. */
const topic = (filter: string) =>
  `defineTopic({ topic: 'T', match: { city: 'text', skill: 'texts', amount: 'money' }, refs: {}, fields: [], subscription: { field: 't', eventType: 'T' }, filter: ${filter} });`;
const feed = (filter: string) => `defineFeed({ field: 'f', eventType: 'F', topics: HUB_TOPICS, filter: ${filter} });`;
const CASES = {
  exactPublisher: `publishEvent(em, GRANT_AWARDED, { summary: 's', refs: grantRefs, match: grantMatch });`,
  wrongPublishers: `
      publishEvent(em, GRANT_AWARDED, { summary: 's', refs: grantRefs, match: { ...grantMatch, town: 'x' } });
      publishEvent(em, GRANT_AWARDED, { summary: 's', refs: { ...grantRefs, person: { id: 'p' } }, match: grantMatch });
      publishEvent(em, GRANT_AWARDED, { summary: 's', refs: { grant: { id: 'g' } }, match: grantMatch });
      publishEvent(em, ORGANIZATION_CHANGED, { summary: 's', refs: { organization: { id: 'o' } }, fields: { change: 'CREATED', mood: 'glad' }, match: { city: null, kind: 'NGO', cause: [], organization: 'o' } });
      publishEvent(em, ORGANIZATION_CHANGED, { summary: 's', refs: { organization: { id: 'o' } }, match: { city: null, kind: 'NGO', cause: [], organization: 'o' } });
      publishEvent(em, GRANT_AWARDED, { summary: 's', refs: grantRefs, match: { ...grantMatch, amount: '1.00' } });
    `,
  topicRules: topic(`{ city: equal('city'), skill: contains('skill'), minAmount: atLeast('amount') }`),
  topicUnknownKey: topic(`{ town: equal('town') }`),
  topicContainsOnText: topic(`{ city: contains('city') }`),
  topicAtLeastOnText: topic(`{ minCity: atLeast('city') }`),
  feedRules: feed(`{ city: equal('city'), cause: contains('cause') }`),
  feedKeyNotEveryTopicHas: feed(`{ skill: contains('skill') }`),
};

let dir: string;
/** The compiler's errors for each case, as messages. */
let errors: Record<keyof typeof CASES, string[]>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'topic-contract-'));
  const files = Object.fromEntries(Object.keys(CASES).map((name) => [name, join(dir, `${name}.ts`)]));
  for (const [name, body] of Object.entries(CASES)) writeFileSync(files[name], HEADER + body);
  const program = ts.createProgram(Object.values(files), {
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
  });
  errors = Object.fromEntries(
    Object.entries(files).map(([name, file]) => [
      name,
      ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')),
    ]),
  ) as typeof errors;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('topic contracts are checked by the compiler', () => {
  it('accepts a publisher that writes exactly what its topic declares', () => {
    expect(errors.exactPublisher).toEqual([]);
  });

  it('refuses a match key, a ref or an own field the topic does not declare, and a missing one', () => {
    expect(errors.wrongPublishers).toEqual([
      expect.stringContaining("'town' does not exist"),
      expect.stringContaining("'person' does not exist"),
      expect.stringContaining("Property 'organization' is missing"),
      expect.stringContaining("'mood' does not exist"),
      expect.stringContaining("Property 'fields' is missing"),
      expect.stringContaining("Type 'string' is not assignable"),
    ]);
  });

  it('refuses a filter rule on a match key the topic does not declare, or of another kind', () => {
    expect(errors.topicRules).toEqual([]);
    expect(errors.topicUnknownKey).toEqual([expect.stringContaining('"town"')]);
    expect(errors.topicContainsOnText).toEqual([expect.stringContaining('"contains"')]);
    expect(errors.topicAtLeastOnText).toEqual([expect.stringContaining('"atLeast"')]);
  });

  it("refuses a feed's filter rule on a match key that not every one of its topics declares", () => {
    expect(errors.feedRules).toEqual([]);
    expect(errors.feedKeyNotEveryTopicHas).toEqual([expect.stringContaining('"skill"')]);
  });
});
