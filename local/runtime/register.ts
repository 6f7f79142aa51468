/**
 * Side-effect import for CLIs: `import '../runtime/register';` as the FIRST import installs the
 * Forge platform globals before any later import loads @forge/* (imports run in order).
 */
import { installForgeGlobals } from './install';

installForgeGlobals();
