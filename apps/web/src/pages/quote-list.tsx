import type { QuoteHit } from '../types';
import { firstWords, formatDate, speakerColour, Verdict } from '../ui';

function articleLabel(a: QuoteHit['article']): string {
  if (a.kind === 'teaser') return `Teaser: ${a.kicker ?? firstWords(a.lead, 60)}`;
  return a.title ?? firstWords(a.lead);
}

// One list for search, lookup and speaker pages: speaker, role, article, date, verdict.
export function QuoteList({
  items,
  showSimilarity = false,
}: {
  items: QuoteHit[];
  showSimilarity?: boolean;
}) {
  if (!items.length) return null;
  return (
    <ol class="quotes">
      {items.map((h) => (
        <li key={h.id} class="quote-card">
          <blockquote class={speakerColour(h.speaker?.id)}>{h.text}</blockquote>
          <dl class="facts">
            <div>
              <dt>Speaker</dt>
              <dd>
                {h.speaker ? (
                  <a href={`/speakers/${h.speaker.id}`}>{h.speaker.name}</a>
                ) : (
                  <span class="flag">unattributed</span>
                )}
                {h.attributionStatus !== 'unverified' ? (
                  <span class={`attr a-${h.attributionStatus}`}> ({h.attributionStatus})</span>
                ) : null}
              </dd>
            </div>
            <div>
              <dt>Role</dt>
              <dd>
                {[h.speaker?.role, h.speaker?.organization].filter(Boolean).join(', ') ||
                  h.speakerDescription ||
                  '—'}
              </dd>
            </div>
            <div>
              <dt>Article</dt>
              <dd>
                <a href={`/articles/${h.article.id}`}>{articleLabel(h.article)}</a>
              </dd>
            </div>
            <div>
              <dt>Date</dt>
              <dd>
                {h.article.publishedAt
                  ? formatDate(h.article.publishedAt)
                  : `undated (added ${formatDate(h.firstSeen)})`}
              </dd>
            </div>
            <div>
              <dt>Verdict</dt>
              <dd>
                {h.claim ? (
                  <a
                    href={`/claims/${h.claim.id}`}
                    aria-label={`Verdict ${h.verdict}: open the claim`}
                  >
                    <Verdict verdict={h.verdict} />
                  </a>
                ) : (
                  <Verdict verdict={h.verdict} />
                )}
              </dd>
            </div>
            {showSimilarity && h.similarity !== undefined ? (
              <div>
                <dt>Similarity</dt>
                <dd>
                  <meter min={0} max={1} value={h.similarity} aria-label="Similarity" />{' '}
                  {Math.round(h.similarity * 100)}%
                </dd>
              </div>
            ) : null}
          </dl>
        </li>
      ))}
    </ol>
  );
}
