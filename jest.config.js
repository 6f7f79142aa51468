/**
 * Two projects: fast unit/integration tests, and browser tests that drive the built Custom UI.
 * Type checking is `npm run typecheck`; tsconfig sets isolatedModules, so ts-jest only transpiles.
 */
const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/test/setup/forge-globals.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }] },
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx', '<rootDir>/src/**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'], testTimeout: 120000 },
  ],
};
