import { useEffect, useState } from 'preact/hooks';
import { API, ApiError, errorText, get, qs } from '../api';
import { location, navigate } from '../router';
import { session } from '../session';
import { useStore } from '../store';
import type { Page, QuoteHit } from '../types';
import { ErrorBox, Loading, useAsync } from '../ui';
import { QuoteList } from './quote-list';

const FILTERS = ['q', 'speaker', 'publisher', 'from', 'to', 'undated', 'verdict'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const VERDICT_OPTIONS = [
  'unreviewed',
  'verified',
  'disputed',
  'false',
  'misleading',
  'unverifiable',
];

const filtersOf = (q: URLSearchParams): Filters =>
  Object.fromEntries(FILTERS.map((f) => [f, q.get(f) ?? ''])) as Filters;

// Full-text search; the URL carries the query and the page, so a search can be shared.
export function SearchPage() {
  const loc = useStore(location);
  const current = filtersOf(loc.query);
  const cursor = loc.query.get('cursor') ?? '';
  const [form, setForm] = useState<Filters>(current);
  useEffect(() => setForm(filtersOf(loc.query)), [loc.query.toString()]);
  const result = useAsync(
    () => get<Page<QuoteHit>>('/quotes', { ...current, cursor, limit: 20 }).then((r) => r.data),
    [loc.query.toString()],
  );
  const submit = (e: Event) => {
    e.preventDefault();
    navigate(`/${qs(form)}`);
  };
  const field = (name: keyof Filters) => ({
    id: `f-${name}`,
    name,
    value: form[name],
    onInput: (e: Event) =>
      setForm({ ...form, [name]: (e.target as HTMLInputElement | HTMLSelectElement).value }),
  });
  return (
    <section>
      <h1>Search quotes</h1>
      <form class="search" role="search" onSubmit={submit}>
        <div class="grow">
          <label for="f-q">Words</label>
          <input
            type="search"
            {...field('q')}
            aria-describedby="q-help"
            placeholder='e.g. expressions of mind, "a phrase", -word'
          />
          <p id="q-help" class="muted small">
            Web-search syntax: <code>"a phrase"</code>, <code>OR</code>, <code>-word</code>.
          </p>
        </div>
        <div>
          <label for="f-speaker">Speaker</label>
          <input type="text" {...field('speaker')} placeholder="name, alias or id" />
        </div>
        <div>
          <label for="f-publisher">Publisher</label>
          <input type="text" {...field('publisher')} placeholder="e.g. Taipei Times" />
        </div>
        <div>
          <label for="f-from">Published from</label>
          <input type="date" {...field('from')} />
        </div>
        <div>
          <label for="f-to">Published to</label>
          <input type="date" {...field('to')} />
        </div>
        <div>
          <label for="f-undated">Undated</label>
          <select {...field('undated')} aria-describedby="undated-help">
            <option value="">default</option>
            <option value="include">include</option>
            <option value="exclude">exclude</option>
            <option value="only">only undated</option>
          </select>
          <p id="undated-help" class="muted small visually-hidden">
            Quotes whose articles have no published date. By default they are left out when a date
            is given.
          </p>
        </div>
        <div>
          <label for="f-verdict">Verdict</label>
          <select {...field('verdict')}>
            <option value="">any</option>
            {VERDICT_OPTIONS.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit">Search</button>
        </div>
      </form>
      {loc.query.get('deleted') ? (
        <p class="notice" role="status">
          Speaker {loc.query.get('deleted')} deleted.
        </p>
      ) : null}
      <Exports filters={current} />
      <ErrorBox error={result.error} />
      {result.loading && !result.data ? <Loading what="Searching" /> : null}
      {result.data ? (
        <>
          <p class="muted" role="status">
            {result.data.items.length === 0
              ? 'No quotes match.'
              : `${result.data.items.length} quote${result.data.items.length === 1 ? '' : 's'}${cursor ? ' on this page' : ''}${result.data.nextCursor ? ', more on the next page' : ''}.`}
          </p>
          <QuoteList items={result.data.items} />
          <nav class="pager" aria-label="Pages">
            {cursor ? <a href={`/${qs(current)}`}>First page</a> : null}
            {result.data.nextCursor ? (
              <a href={`/${qs({ ...current, cursor: result.data.nextCursor })}`} rel="next">
                Next page
              </a>
            ) : null}
          </nav>
        </>
      ) : null}
    </section>
  );
}

const FORMATS = [
  { format: 'csv', label: 'CSV', ext: 'csv' },
  { format: 'xlsx', label: 'XLSX', ext: 'xlsx' },
  { format: 'md', label: 'Markdown', ext: 'md' },
  { format: 'json', label: 'JSON', ext: 'json' },
];

// Plain links (they work without a key); with a key, fetched with it, for servers where reads
// need one.
function Exports({ filters }: { filters: Filters }) {
  const [error, setError] = useState<string | null>(null);
  const download = async (e: Event, href: string, filename: string) => {
    const key = session.get()?.key;
    if (!key) return;
    e.preventDefault();
    setError(null);
    try {
      const res = await fetch(href, { headers: { Authorization: `Bearer ${key}` } });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { message?: string } | null;
        throw new ApiError(res.status, body?.message ?? res.statusText, body);
      }
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setError(errorText(err));
    }
  };
  const { q, speaker, publisher, from, to, undated, verdict } = filters;
  return (
    <div class="exports">
      <span id="export-label">Export this search:</span>
      <ul aria-labelledby="export-label">
        {FORMATS.map((f) => {
          const href = `${API}/exports/quote-sheet${qs({ q, speaker, publisher, from, to, undated, verdict, format: f.format })}`;
          const name = `quote-sheet.${f.ext}`;
          return (
            <li key={f.format}>
              <a
                class="button secondary"
                href={href}
                download={name}
                onClick={(e) => download(e, href, name)}
              >
                {f.label}
              </a>
            </li>
          );
        })}
        <li>
          <a
            class="button secondary"
            href={`${API}/exports/claim-review`}
            download="claim-review.jsonld"
            title="schema.org ClaimReview for every reviewed claim"
            onClick={(e) => download(e, `${API}/exports/claim-review`, 'claim-review.jsonld')}
          >
            ClaimReview
          </a>
        </li>
      </ul>
      <ErrorBox error={error} />
    </div>
  );
}
