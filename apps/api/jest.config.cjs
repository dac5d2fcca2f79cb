const preset = require('../../jest.preset.cjs');

// The Open Badges libraries' ES-module-only dependencies (besides @digitalcredentials and ky,
// which the preset lets through): Jest must compile them to CommonJS too (STACK.md note 1).
const openBadgesEsmOnly = ['@digitalbazaar', '@stablelib', 'base58-universal', 'base64url-universal', 'html-entities'];

/**
 * Unit tests sit beside the code (src/**\/*.spec.ts); HTTP tests in test/ boot the real
 * AppModule on a real database: SQLite by default, MySQL/MariaDB with TEST_DATABASE=mysql
 * and TEST_MYSQL_URL.
 */
module.exports = {
  ...preset,
  displayName: process.env.TEST_DATABASE === 'mysql' ? 'api (mysql)' : 'api (sqlite)',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  testTimeout: 60_000,
  transformIgnorePatterns: preset.transformIgnorePatterns.map((pattern) =>
    pattern.replace('node_modules/(?!(', `node_modules/(?!(${openBadgesEsmOnly.join('|')}|`),
  ),
};
