import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call, get, qs, writeFailure } from '../api';
import { location, navigate } from '../router';
import { can, session } from '../session';
import { useStore } from '../store';
import type { Article, ArticleQuote, ArticleSummary, Page, QuoteHit } from '../types';
import { ErrorBox, firstWords, formatDate, Loading, Notice, speakerColour, useAsync } from '../ui';
import { QuoteFixer } from './quote-fixer';

// Below this the engine was guessing (a pronoun far back, a bare title): reviewers look first.
const LOW_CONFIDENCE = 0.75;

function articleTitle(a: ArticleSummary): string {
  // A teaser's text opens with its kicker (DIALOGUE: …), so its first words name it.
  return a.title ?? firstWords(a.lead);
}

const ARTICLE_FILTERS = ['q', 'publisher', 'from', 'to', 'undated'] as const;
type ArticleFilters = Record<(typeof ARTICLE_FILTERS)[number], string>;
const articleFiltersOf = (q: URLSearchParams): ArticleFilters =>
  Object.fromEntries(ARTICLE_FILTERS.map((f) => [f, q.get(f) ?? ''])) as ArticleFilters;

export function ArticlesPage() {
  const loc = useStore(location);
  const cursor = loc.query.get('cursor') ?? '';
  const current = articleFiltersOf(loc.query);
  const [form, setForm] = useState<ArticleFilters>(current);
  useEffect(() => setForm(articleFiltersOf(loc.query)), [loc.query.toString()]);
  const result = useAsync(
    () =>
      get<Page<ArticleSummary>>('/articles', { ...current, limit: 25, cursor }).then((r) => r.data),
    [loc.query.toString()],
  );
  const field = (name: keyof ArticleFilters) => ({
    id: `af-${name}`,
    name,
    value: form[name],
    onInput: (e: Event) =>
      setForm({ ...form, [name]: (e.target as HTMLInputElement | HTMLSelectElement).value }),
  });
  return (
    <section>
      <h1>Articles</h1>
      <form
        class="search"
        role="search"
        aria-label="Filter articles"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/articles${qs(form)}`);
        }}
      >
        <div class="grow">
          <label for="af-q">Words in the title or text</label>
          <input type="search" {...field('q')} />
        </div>
        <div>
          <label for="af-publisher">Publisher</label>
          <input type="text" {...field('publisher')} />
        </div>
        <div>
          <label for="af-from">Published from</label>
          <input type="date" {...field('from')} />
        </div>
        <div>
          <label for="af-to">Published to</label>
          <input type="date" {...field('to')} />
        </div>
        <div>
          <label for="af-undated">Undated articles</label>
          <select {...field('undated')}>
            <option value="">default</option>
            <option value="include">include</option>
            <option value="exclude">exclude</option>
            <option value="only">only undated</option>
          </select>
        </div>
        <div class="actions">
          <button type="submit">Filter</button>
        </div>
      </form>
      <ErrorBox error={result.error} />
      {result.loading && !result.data ? <Loading /> : null}
      {result.data ? (
        <>
          {result.data.items.length === 0 ? <p role="status">No articles match.</p> : null}
          <ul class="articles">
            {result.data.items.map((a) => (
              <li key={a.id}>
                {a.kind === 'teaser' ? <span class="badge teaser">teaser</span> : null}{' '}
                <a href={`/articles/${a.id}`}>{articleTitle(a)}</a>
                <span class="muted small">
                  {' '}
                  · {a.publisher ?? 'unknown publisher'} ·{' '}
                  {a.publishedAt
                    ? formatDate(a.publishedAt)
                    : `undated (added ${formatDate(a.createdAt)})`}
                </span>
              </li>
            ))}
          </ul>
          <nav class="pager" aria-label="Pages">
            {cursor ? <a href={`/articles${qs(current)}`}>First page</a> : null}
            {result.data.nextCursor ? (
              <a href={`/articles${qs({ ...current, cursor: result.data.nextCursor })}`}>
                Next page
              </a>
            ) : null}
          </nav>
        </>
      ) : null}
    </section>
  );
}

const isLow = (q: ArticleQuote) => !q.speaker || q.confidence < LOW_CONFIDENCE;

// The body with each quote marked; each mark links to its card below.
function MarkedBody({ article, order }: { article: Article; order: Map<string, number> }) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  article.quotes.forEach((q, i) => {
    if (q.start < at) return; // overlapping spans: the first one wins the highlight
    parts.push(article.body.slice(at, q.start));
    parts.push(
      <mark
        key={i}
        id={`mark-${i + 1}`}
        class={`q ${speakerColour(q.speaker?.id, order)}${isLow(q) ? ' low' : ''}`}
      >
        <a
          href={`#quote-${i + 1}`}
          aria-label={`Quote ${i + 1}, ${q.speaker?.name ?? 'unattributed'}`}
        >
          <sup aria-hidden="true">{i + 1}</sup>
        </a>
        {article.body.slice(q.start, q.end)}
      </mark>,
    );
    at = q.end;
  });
  parts.push(article.body.slice(at));
  return <div class="article-body">{parts}</div>;
}

export function ArticlePage({ id }: { id: string }) {
  const who = useStore(session);
  const result = useAsync(() => get<Article>(`/articles/${id}`), [id]);
  const a = result.data?.data;
  // A quote fixed, rejected or restored: the article and its rejected list both read again.
  const [changes, setChanges] = useState(0);
  const changed = () => {
    setChanges((n) => n + 1);
    result.reload();
  };
  const speakers = a
    ? [
        ...new Map(
          a.quotes.filter((q) => q.speaker).map((q) => [q.speaker!.id, q.speaker!]),
        ).values(),
      ]
    : [];
  const order = new Map(speakers.map((s, i) => [s.id, i]));
  return (
    <section>
      <ErrorBox error={result.error} />
      {result.loading && !a ? <Loading what="Loading the article" /> : null}
      {a ? (
        <>
          <h1>
            {a.kind === 'teaser' ? <span class="badge teaser">teaser</span> : null}{' '}
            {articleTitle(a)}
          </h1>
          <p class="muted">
            {a.publisher ?? 'Unknown publisher'} ·{' '}
            {a.publishedAt ? (
              formatDate(a.publishedAt)
            ) : (
              <strong class="flag">Undated (added {formatDate(a.createdAt)})</strong>
            )}
            {a.url ? (
              <>
                {' '}
                · <a href={a.url}>original</a>
              </>
            ) : null}
            {a.sources.length
              ? ` · from ${a.sources.map((s) => s.filename ?? 'posted text').join(', ')}`
              : ''}
          </p>
          {can(who, 'reviewer') ? (
            <ArticleEditor article={a} etag={result.data?.etag ?? null} onSaved={result.reload} />
          ) : null}
          {a.kind === 'teaser' ? (
            <p class="notice">
              This is a <strong>teaser</strong>: a “related story” blurb printed with another
              article{a.kicker ? ` under the kicker ${a.kicker}` : ''}. Its text is cut off, so its
              quotes may be partial.
            </p>
          ) : null}
          {speakers.length ? (
            <ul class="legend" aria-label="Speakers in this article">
              {speakers.map((s) => (
                <li key={s.id} class={speakerColour(s.id, order)}>
                  <a href={`/speakers/${s.id}`}>{s.name}</a>
                </li>
              ))}
              {a.quotes.some((q) => !q.speaker) ? <li class="sp-none">unattributed</li> : null}
            </ul>
          ) : null}
          <div class="article-layout">
            <MarkedBody article={a} order={order} />
            <section aria-labelledby="quotes-heading" class="quote-cards">
              <h2 id="quotes-heading">
                {a.quotes.length} quote{a.quotes.length === 1 ? '' : 's'}
              </h2>
              <ol>
                {a.quotes.map((q, i) => (
                  <li
                    key={`${q.quoteId}-${q.start}`}
                    id={`quote-${i + 1}`}
                    class={`card ${speakerColour(q.speaker?.id, order)}-edge${isLow(q) ? ' low' : ''}`}
                    tabIndex={-1}
                  >
                    <p class="card-head">
                      <a href={`#mark-${i + 1}`} class="num">
                        {i + 1}
                      </a>{' '}
                      {q.speaker ? (
                        <a href={`/speakers/${q.speaker.id}`}>
                          <strong>{q.speaker.name}</strong>
                        </a>
                      ) : (
                        <strong class="flag">Unattributed</strong>
                      )}
                      {isLow(q) && q.speaker ? <span class="flag"> low confidence</span> : null}
                    </p>
                    <p class="quote-text">“{q.text}”</p>
                    <dl class="facts small">
                      <div>
                        <dt>Role</dt>
                        <dd>
                          {[q.role, q.organization].filter(Boolean).join(', ') ||
                            q.speakerDescription ||
                            '—'}
                        </dd>
                      </div>
                      <div>
                        <dt>Named by</dt>
                        <dd>
                          {q.mention ? `“${q.mention}”` : '—'}
                          {q.cue ? ` (${q.cue})` : ''}
                        </dd>
                      </div>
                      <div>
                        <dt>Rule</dt>
                        <dd>
                          <code>{q.rule}</code>
                        </dd>
                      </div>
                      <div>
                        <dt>Confidence</dt>
                        <dd>{Math.round(q.confidence * 100)}%</dd>
                      </div>
                      {q.partial || q.unterminated ? (
                        <div>
                          <dt>Note</dt>
                          <dd>
                            {[q.partial && 'partial', q.unterminated && 'left open']
                              .filter(Boolean)
                              .join(', ')}
                          </dd>
                        </div>
                      ) : null}
                    </dl>
                    {can(who, 'reviewer') ? (
                      <QuoteFixer quoteId={q.quoteId} onChanged={changed} />
                    ) : null}
                  </li>
                ))}
              </ol>
              {can(who, 'reviewer') ? (
                <RejectedQuotes articleId={a.id} changes={changes} onChanged={changed} />
              ) : null}
            </section>
          </div>
        </>
      ) : null}
    </section>
  );
}

// Rejected quotes leave the article's list; reviewers still see them here and can restore one.
function RejectedQuotes(props: { articleId: string; changes: number; onChanged: () => void }) {
  const { articleId } = props;
  const result = useAsync(
    () =>
      get<Page<QuoteHit>>('/quotes', { article: articleId, rejected: 'only', limit: 100 }).then(
        (r) => r.data.items,
      ),
    [articleId, props.changes],
  );
  if (!result.data?.length) return <ErrorBox error={result.error} />;
  return (
    <section aria-labelledby="rejected-heading" class="rejected">
      <h2 id="rejected-heading">Rejected ({result.data.length})</h2>
      <ol>
        {result.data.map((q) => (
          <li key={q.id} class="card rejected-card">
            <p class="card-head">
              <span class="badge rejected-badge">rejected</span> {q.speaker?.name ?? 'unattributed'}
            </p>
            <p class="quote-text">“{q.text}”</p>
            <QuoteFixer quoteId={q.id} label="Review or restore" onChanged={props.onChanged} />
          </li>
        ))}
      </ol>
    </section>
  );
}

// Title, URL, publisher and published date, sent with the ETag read on opening.
function ArticleEditor(props: { article: Article; etag: string | null; onSaved: () => void }) {
  const a = props.article;
  const initial = () => ({
    title: a.title ?? '',
    url: a.url ?? '',
    publisher: a.publisher ?? '',
    publishedAt: a.publishedAt ? a.publishedAt.slice(0, 10) : '',
  });
  const [form, setForm] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setForm(initial()), [a.id, a.version]);
  const field = (name: keyof ReturnType<typeof initial>) => ({
    id: `ae-${name}`,
    value: form[name],
    onInput: (e: Event) => setForm({ ...form, [name]: (e.target as HTMLInputElement).value }),
  });
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    const was = initial();
    const body: Record<string, string | null> = {};
    // Only what changed; an emptied field clears it (null).
    for (const k of Object.keys(form) as (keyof typeof form)[])
      if (form[k].trim() !== was[k]) body[k] = form[k].trim() || null;
    if (!Object.keys(body).length) {
      setBusy(false);
      setNotice('Nothing changed.');
      return;
    }
    try {
      await call('PATCH', `/articles/${a.id}`, {
        body,
        ifMatch: props.etag ?? (a.version !== undefined ? `"${a.version}"` : null),
      });
      setNotice('Article saved.');
      props.onSaved();
    } catch (err) {
      setError(
        await writeFailure(
          err,
          'Someone else changed this article since you opened it. The page now shows its current state; your changes were not saved.',
          props.onSaved,
        ),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <details class="editor">
      <summary>Edit the article’s details</summary>
      <form class="edit-grid" onSubmit={(e) => void save(e)}>
        <div>
          <label for="ae-title">Title</label>
          <input type="text" {...field('title')} />
        </div>
        <div>
          <label for="ae-url">URL</label>
          <input type="url" placeholder="https://…" {...field('url')} />
        </div>
        <div>
          <label for="ae-publisher">Publisher</label>
          <input type="text" {...field('publisher')} />
        </div>
        <div>
          <label for="ae-publishedAt">Published on</label>
          <input type="date" {...field('publishedAt')} aria-describedby="ae-date-help" />
          <p id="ae-date-help" class="small muted">
            Empty means undated. Date filters and exports use this date.
          </p>
        </div>
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save details'}
          </button>
        </div>
      </form>
      <ErrorBox error={error} />
      {notice ? <Notice>{notice}</Notice> : null}
    </details>
  );
}
