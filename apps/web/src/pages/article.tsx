import type { ComponentChildren } from 'preact';
import { get, qs } from '../api';
import { location } from '../router';
import { can, session } from '../session';
import { useStore } from '../store';
import type { Article, ArticleQuote, ArticleSummary, Page } from '../types';
import { ErrorBox, firstWords, formatDate, Loading, speakerColour, useAsync } from '../ui';
import { QuoteFixer } from './quote-fixer';

// Below this the engine was guessing (a pronoun far back, a bare title): reviewers look first.
const LOW_CONFIDENCE = 0.75;

function articleTitle(a: ArticleSummary): string {
  // A teaser's text opens with its kicker (DIALOGUE: …), so its first words name it.
  return a.title ?? firstWords(a.lead);
}

export function ArticlesPage() {
  const loc = useStore(location);
  const cursor = loc.query.get('cursor') ?? '';
  const result = useAsync(
    () => get<Page<ArticleSummary>>('/articles', { limit: 25, cursor }).then((r) => r.data),
    [cursor],
  );
  return (
    <section>
      <h1>Articles</h1>
      <ErrorBox error={result.error} />
      {result.loading && !result.data ? <Loading /> : null}
      {result.data ? (
        <>
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
                    : `undated, added ${formatDate(a.createdAt)}`}
                </span>
              </li>
            ))}
          </ul>
          <nav class="pager" aria-label="Pages">
            {cursor ? <a href="/articles">First page</a> : null}
            {result.data.nextCursor ? (
              <a href={`/articles${qs({ cursor: result.data.nextCursor })}`}>Next page</a>
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
  const result = useAsync(() => get<Article>(`/articles/${id}`).then((r) => r.data), [id]);
  const a = result.data;
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
            {a.publishedAt
              ? formatDate(a.publishedAt)
              : `undated, added ${formatDate(a.createdAt)}`}
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
                      <QuoteFixer quoteId={q.quoteId} onChanged={result.reload} />
                    ) : null}
                  </li>
                ))}
              </ol>
            </section>
          </div>
        </>
      ) : null}
    </section>
  );
}
