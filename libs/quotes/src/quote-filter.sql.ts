import type { QuoteFilter } from './quote.repository';

// SQL conditions for a QuoteFilter over `quote q`, for readers outside the repository
// (exports, over the published `quote_ref q`) that must select exactly what GET /quotes
// selects. The quotes lib owns this SQL, so the tables it names stay its own. `p` binds a
// parameter.
export function quoteFilterConditions(f: QuoteFilter, p: (value: unknown) => string): string[] {
  const where: string[] = [];
  if (f.q) where.push(`q.search @@ websearch_to_tsquery('english', ${p(f.q)})`);
  if (f.speakerIds) where.push(`q.speaker_id = ANY(${p(f.speakerIds)}::uuid[])`);
  if (f.articleId)
    where.push(
      `EXISTS (SELECT 1 FROM quote_occurrence o WHERE o.quote_id = q.id AND o.article_id = ${p(f.articleId)})`,
    );
  if (f.from) where.push(`q.first_seen >= ${p(f.from)}`);
  if (f.to) where.push(`q.first_seen <= ${p(f.to)}`);
  if (f.quoteIds) where.push(`q.id = ANY(${p(f.quoteIds)}::uuid[])`);
  if (f.excludeQuoteIds?.length) where.push(`NOT (q.id = ANY(${p(f.excludeQuoteIds)}::uuid[]))`);
  if (f.rejected === 'only') where.push(`q.rejected_at IS NOT NULL`);
  else if (f.rejected !== 'include') where.push(`q.rejected_at IS NULL`);
  return where;
}
