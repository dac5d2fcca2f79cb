const preset = require('../../jest.preset.cjs');

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
};
