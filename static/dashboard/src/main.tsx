import { view } from '@forge/bridge';
import { createRoot } from 'react-dom/client';
import { App, type RouterHistory } from './App';
import './styles.css';

async function start() {
  // Theming and the router are best effort: the page still works without either.
  await view.theme.enable().catch(() => undefined);
  const history = (await view.createHistory().catch(() => undefined)) as RouterHistory | undefined;
  createRoot(document.getElementById('root') as HTMLElement).render(<App history={history ?? memoryHistory()} />);
}

/** Outside a host that provides a router, keep the view in memory (no bookmarking). */
function memoryHistory(): RouterHistory {
  const listeners = new Set<(u: { location: { search: string } }) => void>();
  const h: RouterHistory = {
    location: { pathname: '/', search: '' },
    push(to) {
      h.location = { pathname: '/', search: typeof to === 'string' ? to.slice(to.indexOf('?')) : (to.search ?? '') };
      listeners.forEach((l) => l({ location: h.location }));
    },
    listen(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return h;
}

void start();
