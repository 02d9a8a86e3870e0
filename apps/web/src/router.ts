import { Store } from './store';

// History-API routing: every view has a real URL (shareable; the server answers index.html).
export interface Location {
  path: string;
  query: URLSearchParams;
}

const read = (): Location => ({
  path: window.location.pathname,
  query: new URLSearchParams(window.location.search),
});

export const location = new Store<Location>(read());

export function navigate(url: string, replace = false): void {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  location.set(read());
  if (!replace) window.scrollTo(0, 0);
}

window.addEventListener('popstate', () => location.set(read()));

// Same-origin links inside the console change the view without a reload.
document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
    return;
  const a = (e.target as Element | null)?.closest?.('a');
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, window.location.href);
  if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
  if (url.pathname.startsWith('/docs') || url.pathname === '/health') return;
  e.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});
