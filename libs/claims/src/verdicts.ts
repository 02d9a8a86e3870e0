export const VERDICTS = ['verified', 'disputed', 'false', 'misleading', 'unverifiable'] as const;
export type VerdictValue = (typeof VERDICTS)[number];
// `withdrawn`: made by mistake; kept with its history, out of lists, exports and verdicts.
export const CLAIM_STATUSES = ['unreviewed', ...VERDICTS, 'withdrawn'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

// How a quote is tied to a claim: it is the claim's source, the same speaker said it again,
// or someone else repeated the words (flagged to reviewers, verdict not inherited).
export type ClaimLink = 'source' | 'same-speaker' | 'other-speaker';
