/**
 * Stands in for Atlaskit's Statsig feature-gate client, which a Custom UI never initializes:
 * uninitialized, the real client answers every gate with false and every experiment with its
 * default, which is exactly what this does, without shipping the client.
 */
const FeatureGates = {
  checkGate: (_name: string): boolean => false,
  getExperimentValue: <T>(_experiment: string, _parameter: string, defaultValue: T): T => defaultValue,
  initializeCompleted: (): boolean => false,
};
export default FeatureGates;
