/**
 * Two projects: fast unit/integration tests, and browser tests that drive the built Custom UI.
 * Type checking is `npm run typecheck`; tsconfig sets isolatedModules, so ts-jest only transpiles.
 * Timeouts are generous: on a shared, loaded CI machine a test may take several times longer,
 * and only a hang should fail it (no assertion depends on elapsed time). Jest reads `testTimeout`
 * from the top-level (global) configuration only: a value inside a project is silently ignored and
 * the 5 s default applies, so the limit is set here once for both projects.
 */
const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/test/setup/forge-globals.ts'],
  // Requests the OpenAPI documents do not define fail the test that sent them.
  setupFilesAfterEnv: ['<rootDir>/test/setup/request-violations.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }] },
};
module.exports = {
  testTimeout: 120000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx', '<rootDir>/src/**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] },
  ],
};
