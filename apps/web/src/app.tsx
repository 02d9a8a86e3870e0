import { useEffect, useRef, useState } from 'preact/hooks';
import { inFlight } from './api';
import { location } from './router';
import { session, signOut } from './session';
import { useStore } from './store';
import { ArticlePage, ArticlesPage } from './pages/article';
import { ClaimPage, ClaimsPage } from './pages/claims';
import { LookupPage } from './pages/lookup';
import { SearchPage } from './pages/search';
import { SignInPage } from './pages/sign-in';
import { SpeakerPage } from './pages/speaker';

const NAV = [
  { href: '/', label: 'Search', match: (p: string) => p === '/' || p === '/search' },
  { href: '/lookup', label: 'Who said this?', match: (p: string) => p === '/lookup' },
  { href: '/articles', label: 'Articles', match: (p: string) => p.startsWith('/articles') },
  { href: '/claims', label: 'Claims', match: (p: string) => p.startsWith('/claims') },
];

function route(path: string) {
  const [, first, id] = path.split('/');
  if (path === '/' || first === 'search') return <SearchPage />;
  if (first === 'lookup') return <LookupPage />;
  if (first === 'articles') return id ? <ArticlePage id={id} /> : <ArticlesPage />;
  if (first === 'claims') return id ? <ClaimPage id={id} /> : <ClaimsPage />;
  if (first === 'speakers' && id) return <SpeakerPage id={id} />;
  if (first === 'sign-in') return <SignInPage />;
  return (
    <section>
      <h1>Not found</h1>
      <p>
        There is no page at <code>{path}</code>. <a href="/">Search the ledger</a>.
      </p>
    </section>
  );
}

// A slow request shows a bar after 300 ms; quick ones never flicker.
function Progress() {
  const n = useStore(inFlight);
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (n === 0) {
      setSlow(false);
      return;
    }
    const t = setTimeout(() => setSlow(true), 300);
    return () => clearTimeout(t);
  }, [n > 0]);
  return (
    <div class="progress" role="status" aria-live="polite">
      {slow && n > 0 ? (
        <>
          <span class="bar" aria-hidden="true" />
          <span class="visually-hidden">Loading…</span>
        </>
      ) : null}
    </div>
  );
}

export function App() {
  const loc = useStore(location);
  const who = useStore(session);
  const main = useRef<HTMLElement>(null);
  // After a navigation, focus moves to the page so screen readers announce the new view.
  useEffect(() => {
    main.current?.focus({ preventScroll: true });
  }, [loc.path]);
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href="/">
          Quote Ledger
        </a>
        <nav aria-label="Main">
          <ul>
            {NAV.map((n) => (
              <li key={n.href}>
                <a href={n.href} aria-current={n.match(loc.path) ? 'page' : undefined}>
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          {who ? (
            <>
              <span>
                {who.name} · <strong class="role">{who.role}</strong>
              </span>
              <button type="button" class="link" onClick={signOut}>
                Sign out
              </button>
            </>
          ) : (
            <a
              href={
                loc.path === '/sign-in'
                  ? '/sign-in'
                  : `/sign-in?next=${encodeURIComponent(loc.path + (loc.query.size ? `?${loc.query}` : ''))}`
              }
            >
              Sign in
            </a>
          )}
        </div>
      </header>
      <Progress />
      <main id="main" ref={main} tabIndex={-1}>
        {route(loc.path)}
      </main>
      <footer class="foot">
        <a href="/docs">API documentation</a>
      </footer>
    </>
  );
}
