import { customUiConfig } from '../vite.shared.mts';

export default customUiConfig(import.meta.url);
