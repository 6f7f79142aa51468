import '@atlaskit/css-reset';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { boot } from './boot';
import './styles.css';

void boot().then((b) => createRoot(document.getElementById('root') as HTMLElement).render(<App boot={b} />));
