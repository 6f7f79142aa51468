/**
 * The suite runs on shared, loaded 2-core machines: only a hang may fail a test on time. Jest takes
 * `testTimeout` from the top-level configuration alone (a project's value is ignored and the 5 s
 * default applies, which once failed a dashboard test under load), so this pins where it is set.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../jest.config.js') as {
  testTimeout?: number;
  projects: Array<Record<string, unknown>>;
};

describe('jest configuration', () => {
  it('sets a hang-only timeout at the top level, where jest reads it', () => {
    expect(config.testTimeout).toBeGreaterThanOrEqual(60_000);
  });

  it('no project sets a testTimeout jest would silently ignore', () => {
    for (const project of config.projects) expect(project).not.toHaveProperty('testTimeout');
  });
});
