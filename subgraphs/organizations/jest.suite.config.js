// `npm test`: every test file in one module registry (kit jest-suite.js); `npx jest` runs them one by one
module.exports = require('@ngo-hub/kit/jest-suite')(require('./jest.config'), __dirname);
