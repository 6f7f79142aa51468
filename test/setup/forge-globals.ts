// The Forge SDKs capture the platform globals when they are first imported, so the local
// platform installs them before any test module loads @forge/*.
import { installForgeGlobals } from '../../local/runtime/install';

installForgeGlobals();
