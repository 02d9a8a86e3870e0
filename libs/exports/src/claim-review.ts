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
  // PUBLIC_BASE_URL without a trailing slash: the console is served at /, the API at /api/v1.
  baseUrl: string;
}

// What the claims lib does not carry: whether the speaker is a person or an organisation.
export type SpeakerKindOf = (speakerId: string) => 'person' | 'organization' | undefined;

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : undefined);
const httpUrl = (url: string | null | undefined) => (url && /^https?:\/\//i.test(url) ? url : null);

// schema.org ClaimReview as Google's fact-check guidelines read it:
// - `url` is the review's page a reader can open: the console's claim page
//   (`${PUBLIC_BASE_URL}/claims/<id>`); the JSON behind it is `sameAs`.
// - `itemReviewed` is the Claim: `author` is the claim's current speaker (Person, or
//   Organization for a speaker of kind organization; jobTitle and affiliation as of the article
//   when it said so, else the speaker's latest), `datePublished` the earliest published date of
//   the articles it appeared in (omitted when all are undated), `appearance` each article as a
//   CreativeWork at its own URL (the console's article page when the ledger has no http(s) URL
//   for it), `author` = the article's publisher.
// - `citation` is the latest review's evidence, each a CreativeWork with url and name.
// - `datePublished` is the first review's day, `dateModified` the latest's when later.
export function toClaimReview(
  claim: ClaimDetailDto,
  publisher: Publisher,
  kindOf: SpeakerKindOf = () => undefined,
): Record<string, unknown> {
  const rating = VERDICT_RATING[claim.status as VerdictValue];
  const base = publisher.baseUrl;
  const carriers = claim.occurrences.filter((o) => o.relation !== 'other-speaker');
  const appearances = carriers.flatMap((o) => o.quote.appearances);
  const speaker = claim.speaker ?? carriers[0]?.quote.speaker ?? null;
  // The role the article gave, when that quote is (still) credited to this speaker.
  const said = carriers.find((o) => o.quote.speaker?.id === speaker?.id)?.quote.appearances[0];
  const role = said?.role ?? speaker?.role ?? null;
  const organization = said?.organization ?? speaker?.organization ?? null;
  const first = claim.history[0];
  const latest = claim.history[claim.history.length - 1];
  const published = day(first?.at ?? claim.reviewedAt);
  const modified = day(latest?.at);
  const dates = appearances
    .map((a) => a.article.publishedAt)
    .filter((d): d is string => !!d)
    .sort();
  const citation = (latest?.evidence ?? [])
    .filter((e) => httpUrl(e.url))
    .map((e) => ({ '@type': 'CreativeWork', url: e.url, name: e.title || e.url }));
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${base}/claims/${claim.id}`,
    sameAs: `${base}/api/v1/claims/${claim.id}`,
    datePublished: published,
    ...(modified && modified !== published ? { dateModified: modified } : {}),
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
    ...(citation.length ? { citation } : {}),
    itemReviewed: {
      '@type': 'Claim',
      ...(speaker
        ? {
            author:
              kindOf(speaker.id) === 'organization'
                ? { '@type': 'Organization', name: speaker.name }
                : {
                    '@type': 'Person',
                    name: speaker.name,
                    ...(role ? { jobTitle: role } : {}),
                    ...(organization
                      ? { affiliation: { '@type': 'Organization', name: organization } }
                      : {}),
                  },
          }
        : {}),
      ...(dates.length ? { datePublished: day(dates[0]) } : {}),
      appearance: uniqueArticles(appearances.map((a) => a.article)).map((a) => ({
        '@type': 'CreativeWork',
        url: httpUrl(a.url) ?? `${base}/articles/${a.id}`,
        headline: a.title ?? a.lead,
        ...(a.publishedAt ? { datePublished: day(a.publishedAt) } : {}),
        ...(a.publisher ? { author: { '@type': 'Organization', name: a.publisher } } : {}),
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
