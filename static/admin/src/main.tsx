import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

// Follow the Jira theme (light/dark): Jira injects the design tokens and sets data-color-mode.
view.theme.enable().catch(() => undefined);
createRoot(document.getElementById('root') as HTMLElement).render(<App />);
