const preset = require('../../jest.preset.cjs');
module.exports = { ...preset, displayName: 'shared', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
