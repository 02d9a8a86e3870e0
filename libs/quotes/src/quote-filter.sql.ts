import type { QuoteFilter } from './quote.repository';

// SQL conditions for a QuoteFilter over `quote q`, for readers outside the repository
// (exports, over the published `quote_ref q`) that must select exactly what GET /quotes
// selects. The quotes lib owns this SQL, so the tables it names stay its own. `p` binds a
// parameter.
export function quoteFilterConditions(f: QuoteFilter, p: (value: unknown) => string): string[] {
  const where: string[] = [];
  if (f.q) where.push(`q.search @@ websearch_to_tsquery('english', ${p(f.q)})`);
  if (f.speakerIds) where.push(`q.speaker_id = ANY(${p(f.speakerIds)}::uuid[])`);
  if (f.publisher)
    where.push(
      `EXISTS (SELECT 1 FROM quote_occurrence o JOIN article_ref a ON a.id = o.article_id
                WHERE o.quote_id = q.id AND lower(a.publisher) = lower(${p(f.publisher)}))`,
    );
  if (f.articleId)
    where.push(
      `EXISTS (SELECT 1 FROM quote_occurrence o WHERE o.quote_id = q.id AND o.article_id = ${p(f.articleId)})`,
    );
  // Dates are when it was said: first_seen is the earliest published date of a dated quote. An
  // undated quote's first_seen is only its ingest time, so a date range never matches it; it
  // comes along when `undated` is `include`.
  const range: string[] = [];
  if (f.from) range.push(`q.first_seen >= ${p(f.from)}`);
  if (f.to) range.push(`q.first_seen <= ${p(f.to)}`);
  const dated = ['q.dated', ...range].join(' AND ');
  if (f.undated === 'only') where.push('NOT q.dated');
  else if (f.undated === 'include' && range.length) where.push(`(NOT q.dated OR (${dated}))`);
  else if (f.undated === 'exclude' || range.length) where.push(dated);
  if (f.quoteIds) where.push(`q.id = ANY(${p(f.quoteIds)}::uuid[])`);
  if (f.excludeQuoteIds?.length) where.push(`NOT (q.id = ANY(${p(f.excludeQuoteIds)}::uuid[]))`);
  if (f.rejected === 'only') where.push(`q.rejected_at IS NOT NULL`);
  else if (f.rejected !== 'include') where.push(`q.rejected_at IS NULL`);
  return where;
}
