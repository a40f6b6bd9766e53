'use strict';
// `npm run bench:limits`: the gateway CPU that validating the worst operations a caller may send
// costs, against the API schema, with the gateway's own limits (defaults, or the environment's:
// MAX_SELECTIONS, MAX_FIELD_PAIRS, ...). For each shape: the largest an anonymous and an
// authenticated caller may send, and the first size over the limit, which the gateway now refuses
// in its one cheap pass (operation-work.ts) instead of validating it.
//   node bench/limits/validation-cpu.js [--rounds 5]
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Supergraph } = require('@apollo/federation-internals');
const { parse, specifiedRules, validate } = require('graphql');
const { loadLimitsConfig } = require('@ngo-hub/gateway/dist/limits/limits-config');
const { operationLimits } = require('@ngo-hub/gateway/dist/limits/operation-limits');
const { measureWork } = require('@ngo-hub/gateway/dist/limits/operation-work');

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] || 5) || 5;
const supergraph = readFileSync(join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');
const schema = Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema();
const config = loadLimitsConfig({ ...process.env, GATEWAY_SECRET: 'x'.repeat(32) });
const rules = [...specifiedRules, ...operationLimits(config).validationRules];

/** Median CPU milliseconds (user + system) of `fn` over the rounds. */
function cpuMs(fn) {
  const times = [];
  for (let i = 0; i < rounds; i += 1) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

const ORG = 'organizations(first: 1) { totalCount }';
const WIDE = 'organizations(first: 1) { nodes { id name nameZh city province country foundedOn website description descriptionZh orgId } }';
/** Each shape: a document of size n. */
const SHAPES = {
  'repeated field': (n) => `{ ${Array(n).fill(ORG).join(' ')} }`,
  'one fragment per copy': (n) =>
    `{ ${Array.from({ length: n }, (_, i) => `...F${i}`).join(' ')} } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ${ORG} }`).join(' ')}`,
  'aliases, wide selections': (n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${WIDE}`).join(' ')} }`,
  'fragment spread at every level (2^n)': (n) =>
    `{ ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F${n} on Query { __typename }`,
};

/** The largest n whose document the gateway runs (token limit, work limits, then every validation rule), by doubling then bisection. */
function largestAllowed(shape, limits) {
  const fits = (n) => {
    let document;
    try {
      document = parse(shape(n), { maxTokens: config.maxTokens });
    } catch {
      return false; // over the token limit
    }
    return !measureWork(document, limits).exceeded && validate(schema, document, rules).length === 0;
  };
  let low = 1;
  let high = 2;
  while (fits(high) && high < 100_000) high *= 2;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid;
  }
  return low;
}

function row(label, caller, text, limits) {
  const document = parse(text);
  const work = measureWork(document, limits);
  const check = cpuMs(() => measureWork(parse(text, { maxTokens: config.maxTokens }), limits));
  const full = cpuMs(() => validate(schema, document, rules));
  const [invalid] = work.exceeded ? [] : validate(schema, document, rules);
  const refused = work.exceeded ? `before validation (${work.exceeded})` : invalid ? `by validation (${invalid.extensions.limit ?? invalid.message})` : 'no';
  return { label, caller, bytes: text.length, selections: work.selections, fieldPairs: work.fieldPairs, refused, check, full };
}

function main() {
  cpuMs(() => validate(schema, parse(SHAPES['aliases, wide selections'](20)), rules)); // warm up
  const results = [];
  for (const [label, shape] of Object.entries(SHAPES)) {
    for (const caller of ['anonymous', 'authenticated']) {
      const limits = config.work[caller];
      const n = largestAllowed(shape, limits);
      results.push(row(`${label} ×${n}`, caller, shape(n), limits));
      if (label.startsWith('fragment spread')) continue; // over the limit it is exponential: validating it is what the check prevents
      results.push(row(`${label} ×${n + 1}`, caller, shape(n + 1), limits));
    }
  }
  const issue = SHAPES['repeated field'](495);
  results.push(row('repeated field ×495 (issue 15)', 'anonymous', issue, config.work.anonymous));
  const worst = results.filter((r) => r.refused === 'no').sort((a, b) => b.full - a.full)[0];
  console.log(
    `validation CPU per operation (median of ${rounds}; limits: anonymous ${JSON.stringify(config.work.anonymous)}, authenticated ${JSON.stringify(config.work.authenticated)}, tokens ${config.maxTokens})`,
  );
  console.log('| shape | caller | bytes | selections | field pairs | refused | check ms | full validation ms |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const full = r.refused.startsWith('before') ? `(${r.full.toFixed(2)} without the check)` : r.full.toFixed(2);
    console.log(`| ${r.label} | ${r.caller} | ${r.bytes} | ${r.selections} | ${r.fieldPairs} | ${r.refused} | ${r.check.toFixed(2)} | ${full} |`);
  }
  console.log(
    `\nworst allowed operation: ${worst.label} (${worst.caller}): ${worst.full.toFixed(2)} ms; a batch of ${config.maxBatch}: ${(worst.full * config.maxBatch).toFixed(1)} ms`,
  );
  return { worstAllowedMs: worst.full, worstShape: `${worst.label} (${worst.caller})`, batchMs: worst.full * config.maxBatch };
}

if (require.main === module) main();
module.exports = { runValidationBenchmark: main };
