'use strict';
// Writes a synthetic 360Giving package of N grants, deterministic for a given seed.
const { createWriteStream } = require('node:fs');
// deterministic, so two runs write the same file
const { seededRandom: random } = require('@ngo-hub/kit/testing/seeded-random');

const CLASSIFICATIONS = ['Children and young people', 'Older people', 'Arts', 'Health', 'Community development', 'Education', 'Environment', 'Disability'];
const LOCATIONS = ['Chengdu, Sichuan', 'Shanghai', 'Beijing', 'Shenzhen, Guangdong', 'England', 'Scotland'];

/** The same grants in the 360Giving spreadsheet layout: column titles and how each cell is read from a grant. */
const CSV_COLUMNS = [
  ['Identifier', (g) => g.id],
  ['Title', (g) => g.title],
  ['Description', (g) => g.description],
  ['Currency', (g) => g.currency],
  ['Amount Awarded', (g) => g.amountAwarded],
  ['Award Date', (g) => g.awardDate],
  ['Planned Dates:Start Date', (g) => g.plannedDates[0].startDate],
  ['Planned Dates:End Date', (g) => g.plannedDates[0].endDate],
  ['Recipient Org:Identifier', (g) => g.recipientOrganization[0].id],
  ['Recipient Org:Name', (g) => g.recipientOrganization[0].name],
  ['Funding Org:Identifier', (g) => g.fundingOrganization[0].id],
  ['Funding Org:Name', (g) => g.fundingOrganization[0].name],
  ['Grant Programme:Code', (g) => g.grantProgramme[0].code],
  ['Grant Programme:Title', (g) => g.grantProgramme[0].title],
  ['Beneficiary Location:Name', (g) => g.beneficiaryLocation[0].name],
  ['Classifications:0:Title', (g) => g.classifications[0].title],
  ['Classifications:1:Title', (g) => g.classifications[1].title],
];

function csvCell(value) {
  const text = String(value ?? '');
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Generates `grants` grants from `funders` funders to `recipients` recipients (org-ids
 * GB-CHC-… and 360G-bench-…), amounts with cents in CNY, GBP and USD, each funder with 3 programmes.
 * Returns the exact sum per currency in cents, for checking. `format: 'csv'` writes them in the
 * standard's spreadsheet layout instead of a JSON package.
 */
async function generate360Giving(path, { grants = 100000, funders = 50, recipients = 5000, seed = 2012, idPrefix = '360G-bench', format = 'json' } = {}) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const out = createWriteStream(path);
  const write = (text) => (out.write(text) ? Promise.resolve() : new Promise((resolve) => out.once('drain', resolve)));
  const sums = {};
  if (format === 'csv') await write(`${CSV_COLUMNS.map(([title]) => title).join(',')}\n`);
  else await write('{"grants": [\n');
  for (let i = 0; i < grants; i++) {
    const funder = Math.floor(next() * funders);
    const recipient = Math.floor(next() * recipients);
    const currency = next() < 0.8 ? 'CNY' : next() < 0.5 ? 'GBP' : 'USD';
    const cents = 1000 + Math.floor(next() * 50000000);
    sums[currency] = (sums[currency] ?? 0n) + BigInt(cents);
    const year = 2008 + Math.floor(next() * 10);
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
    const grant = {
      id: `${idPrefix}-${i + 1}`,
      title: `Grant ${i + 1} to recipient ${recipient}`,
      description: 'Towards the running costs of a community project, generated for the import benchmark.',
      currency,
      amountAwarded: '@AMOUNT@',
      awardDate: `${year}-${month}-${day}T00:00:00+00:00`,
      plannedDates: [{ startDate: `${year}-${month}-${day}`, endDate: `${year + 1}-${month}-${day}` }],
      recipientOrganization: [
        recipient % 2
          ? { id: `GB-CHC-${1000000 + recipient}`, name: `Bench Charity ${recipient}` }
          : { id: `360G-bench-org-${recipient}`, name: `Bench NGO ${recipient}` },
      ],
      fundingOrganization: [{ id: `GB-CHC-${200000 + funder}`, name: `Bench Foundation ${funder}` }],
      grantProgramme: [{ code: `F${funder}-P${i % 3}`, title: `Programme ${i % 3} of foundation ${funder}` }],
      beneficiaryLocation: [{ name: pick(LOCATIONS) }],
      classifications: [{ title: pick(CLASSIFICATIONS) }, { title: pick(CLASSIFICATIONS) }],
    };
    const amount = `${(cents / 100) | 0}.${String(cents % 100).padStart(2, '0')}`;
    if (format === 'csv') await write(`${CSV_COLUMNS.map(([, value]) => csvCell(value({ ...grant, amountAwarded: amount }))).join(',')}\n`);
    else await write(`${i ? ',\n' : ''}${JSON.stringify(grant).replace('"@AMOUNT@"', amount)}`);
  }
  if (format !== 'csv') await write('\n]}\n');
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  return sums;
}

module.exports = { generate360Giving };
