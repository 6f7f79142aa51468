/**
 * Stands in for Atlassian's feature-gate client inside the Atlaskit components. A Forge Custom UI
 * app never initialises that client (it is Jira's own), so every gate it is asked about is off and
 * every experiment gives its default: exactly what this stub answers, without ~110 KB of
 * Statsig code in the bundle.
 */
const FeatureGates = {
  initializeCompleted: () => false,
  checkGate: (_name: string): boolean => false,
  getExperimentValue: <T>(_experiment: string, _parameter: string, defaultValue: T): T => defaultValue,
  hasCheckGateErrorOccurred: () => false,
  hasGetExperimentValueErrorOccurred: () => false,
};

export default FeatureGates;
