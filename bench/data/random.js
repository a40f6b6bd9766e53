'use strict';
// Seeded randomness for the generator: every row draws from a generator seeded by (seed, table,
// row number), so row n is the same whatever the size asked for and whichever order rows are made.
const { createHash } = require('node:crypto');
const { seededRandom } = require('@ngo-hub/kit/testing/seeded-random');

/** 32-bit FNV-1a of a string. */
function hash32(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A generator of seeded draws (the kit's mulberry32) with the helpers the tables use. */
function generator(seed) {
  const next = seededRandom(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    /** Picks by weight: `weights` is [[value, weight], ...]. */
    weighted(weights) {
      const total = weights.reduce((sum, [, w]) => sum + w, 0);
      let x = next() * total;
      for (const [value, w] of weights) {
        if ((x -= w) < 0) return value;
      }
      return weights[weights.length - 1][0];
    },
    /** `count` distinct items of `list` (count <= list.length). */
    some(list, count) {
      const chosen = new Set();
      while (chosen.size < Math.min(count, list.length)) chosen.add(list[Math.floor(next() * list.length)]);
      return [...chosen];
    },
    /** An index in [0, n) skewed towards 0: a few get much, most get little (power law). */
    skewed: (n, power = 2.5) => Math.min(n - 1, Math.floor(n * next() ** power)),
    /** A date between two years, as YYYY-MM-DD. */
    date(fromYear, toYear) {
      const from = Date.UTC(fromYear, 0, 1);
      const to = Date.UTC(toYear, 11, 31);
      return new Date(from + Math.floor(next() * (to - from))).toISOString().slice(0, 10);
    },
  };
}

function rowRandom(seed, table, n) {
  return generator(hash32(`${seed}:${table}:${n}`));
}

/** A stable UUID (version 4 layout) for row n of a table: re-running the generator makes the same ids. */
function rowId(seed, table, n) {
  const hex = createHash('md5').update(`${seed}:${table}:${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Zipf-like weights for ranked items: item k (from 1) weighs 1 / k^s. */
function zipf(items, s = 1.1) {
  return items.map((item, k) => [item, 1 / (k + 1) ** s]);
}

module.exports = { generator, rowRandom, rowId, zipf, hash32 };
