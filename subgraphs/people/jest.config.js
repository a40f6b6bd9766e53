// the neighbour subgraphs the tests ask, started once for every file (kit testing/shared-neighbours.ts)
module.exports = { preset: '@ngo-hub/kit', globals: { ngohubNeighbours: ['organizations'] } };
