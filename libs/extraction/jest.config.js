// The engine's tests alone: no database, so no global setup (npx jest -c libs/extraction/jest.config.js).
const base = require('../../jest.config.js');

module.exports = {
  ...base,
  rootDir: '../..',
  roots: ['<rootDir>/libs/extraction'],
  globalSetup: undefined,
  globalTeardown: undefined,
};
