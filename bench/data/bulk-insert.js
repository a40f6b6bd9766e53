'use strict';
// Batched multi-row inserts: one `insert … select … from unnest($1::uuid[], $2::text[], …)` per
// batch (a few thousand rows, one round trip), `on conflict do nothing` so a second run adds nothing.

/** A PostgreSQL array literal for text[] values, quoted so spaces and commas survive. */
function arrayLiteral(values) {
  return `{${values.map((v) => `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

function insertStatement(table, columns) {
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  // array columns travel as their literal text (unnest would flatten a text[][]) and are cast back
  const params = columns.map(([, type], i) => `$${i + 1}::${type.endsWith('[]') ? 'text' : type}[]`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`);
  const select = columns.map(([, type], i) => (type.endsWith('[]') ? `c${i}::${type}` : `c${i}`)).join(', ');
  return `insert into ${table} (${names}) select ${select} from unnest(${params}) as t(${aliases.join(', ')}) on conflict do nothing`;
}

/** Progress on stderr: one line rewritten in place on a terminal, every tenth otherwise. */
function progressReporter(label, total) {
  const started = Date.now();
  let lastTenth = -1;
  return {
    update(done, rows) {
      const seconds = (Date.now() - started) / 1000;
      const text = `  ${label.padEnd(34)} ${done.toLocaleString('en').padStart(11)} / ${total.toLocaleString('en')}  ${Math.round(
        rows / Math.max(seconds, 0.001),
      )
        .toLocaleString('en')
        .padStart(8)} rows/s`;
      if (process.stderr.isTTY) process.stderr.write(`\r${text}`);
      else if (Math.floor((done / total) * 10) > lastTenth) {
        lastTenth = Math.floor((done / total) * 10);
        process.stderr.write(`${text}\n`);
      }
    },
    done(rows, skipped) {
      const seconds = (Date.now() - started) / 1000;
      const text = skipped
        ? `  ${label.padEnd(34)} already there, nothing written`
        : `  ${label.padEnd(34)} ${rows.toLocaleString('en').padStart(11)} rows in ${seconds.toFixed(1)} s (${Math.round(rows / Math.max(seconds, 0.001)).toLocaleString('en')} rows/s)`;
      process.stderr.write(`${process.stderr.isTTY ? '\r\x1b[K' : ''}${text}\n`);
    },
  };
}

/**
 * Writes `units` units (an organization, a course with its enrollments, …) into `table`; `rowsOf(n)`
 * gives the rows of unit n, each an array of values in `columns` order. When the last unit's first
 * row is already there the table is taken as generated and skipped.
 */
async function writeTable(pool, { table, columns, units, rowsOf, batchRows = 4000, inFlight = 2 }) {
  const progress = progressReporter(table, units);
  let last;
  for (let n = units - 1; n >= 0 && !last; n--) last = rowsOf(n)[0];
  if (!last) return (progress.done(0, false), 0);
  const { rowCount } = await pool.query(`select 1 from ${table} where id = $1`, [last[0]]);
  if (rowCount) return (progress.done(0, true), 0);
  const sql = insertStatement(table, columns);
  let next = 0;
  let written = 0;
  const worker = async () => {
    while (next < units) {
      const cols = columns.map(() => []);
      while (next < units && cols[0].length < batchRows) {
        for (const row of rowsOf(next++)) {
          for (let i = 0; i < columns.length; i++) {
            const value = row[i];
            cols[i].push(Array.isArray(value) ? arrayLiteral(value) : value);
          }
        }
      }
      const upTo = next;
      await pool.query({ text: sql, values: cols });
      written += cols[0].length;
      progress.update(upTo, written);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  progress.done(written, false);
  return written;
}

module.exports = { writeTable, arrayLiteral, insertStatement };
