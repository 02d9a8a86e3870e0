import type { ClaimDetailDto, VerdictValue } from '@app/claims';

// Verdict → schema.org Rating on a 1 (false) … 5 (verified) scale; alternateName carries the
// verdict word, which is what readers and search engines show. "Unverifiable" sits at the
// midpoint with "disputed": evidence does not settle it either way.
export const VERDICT_RATING: Record<VerdictValue, { ratingValue: number; alternateName: string }> =
  {
    false: { ratingValue: 1, alternateName: 'False' },
    misleading: { ratingValue: 2, alternateName: 'Misleading' },
    disputed: { ratingValue: 3, alternateName: 'Disputed' },
    unverifiable: { ratingValue: 3, alternateName: 'Unverifiable' },
    verified: { ratingValue: 5, alternateName: 'Verified' },
  };

export interface Publisher {
  name: string;
  url: string;
  baseUrl: string;
}

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : undefined);

export function toClaimReview(
  claim: ClaimDetailDto,
  publisher: Publisher,
): Record<string, unknown> {
  const rating = VERDICT_RATING[claim.status as VerdictValue];
  const carriers = claim.occurrences.filter((o) => o.relation !== 'other-speaker');
  const appearances = carriers.flatMap((o) => o.quote.appearances);
  const first = appearances[0];
  const speaker = claim.speaker ?? carriers[0]?.quote.speaker ?? null;
  const latest = claim.history[claim.history.length - 1];
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${publisher.baseUrl}/api/v1/claims/${claim.id}`,
    datePublished: day(latest?.at ?? claim.reviewedAt),
    author: { '@type': 'Organization', name: publisher.name, url: publisher.url },
    claimReviewed: claim.text,
    reviewRating: {
      '@type': 'Rating',
      ratingValue: rating.ratingValue,
      bestRating: 5,
      worstRating: 1,
      alternateName: rating.alternateName,
    },
    ...(latest ? { reviewBody: latest.rationale } : {}),
    itemReviewed: {
      '@type': 'Claim',
      author: speaker
        ? {
            '@type': 'Person',
            name: speaker.name,
            ...((first?.role ?? speaker.role) ? { jobTitle: first?.role ?? speaker.role } : {}),
            ...((first?.organization ?? speaker.organization)
              ? {
                  affiliation: {
                    '@type': 'Organization',
                    name: first?.organization ?? speaker.organization,
                  },
                }
              : {}),
          }
        : undefined,
      datePublished: day(first?.article.publishedAt ?? carriers[0]?.quote.firstSeen),
      appearance: uniqueArticles(appearances.map((a) => a.article)).map((a) => ({
        '@type': 'NewsArticle',
        ...(a.url ? { url: a.url } : { url: `${publisher.baseUrl}/api/v1/articles/${a.id}` }),
        headline: a.title ?? a.lead,
        ...(a.publishedAt ? { datePublished: day(a.publishedAt) } : {}),
        ...(a.publisher ? { publisher: { '@type': 'Organization', name: a.publisher } } : {}),
      })),
    },
  };
}

function uniqueArticles<T extends { id: string }>(articles: T[]): T[] {
  const seen = new Set<string>();
  return articles.filter((a) => !seen.has(a.id) && seen.add(a.id));
}

// JSON that can be pasted into <script type="application/ld+json"> as it is: `<` cannot close
// the element (`</script>`) or open a comment (`<!--`), and `>`, `&`, U+2028 and U+2029 are
// escaped too. Still the same JSON to any parser.
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
