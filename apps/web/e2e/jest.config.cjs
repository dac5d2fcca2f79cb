const preset = require('../../../jest.preset.cjs');

/** Browser tests: the built app on a seeded SQLite database, driven by Debian's Chromium. */
module.exports = {
  ...preset,
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e.ts'],
  testTimeout: 120_000,
};
