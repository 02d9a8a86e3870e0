import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, etagVersion, Page, requestContext } from '@app/common';
import { AuditService } from '@app/auth';
import { TransactionalAdapterTypeOrm, TransactionHost, WriteTransaction } from '@app/database';
import { QuoteDetailDto, QuotesError, QuotesService, quoteKey } from '@app/quotes';
import { SpeakersService } from '@app/speakers';
import { ClaimRepository } from './claim.repository';
import { ClaimMatcher } from './claim-matcher.service';
import { ClaimsError, ClaimsErrorCode } from './claims.errors';
import {
  ClaimDetailDto,
  ClaimPageDto,
  ClaimSummaryDto,
  CreateClaimDto,
  CreateReviewDto,
  ListClaimsQuery,
} from './dto/claim.dto';
import { ClaimEntity } from './entities/claim.entity';

type ClaimSource = Pick<ClaimEntity, 'quoteId' | 'speakerId' | 'text' | 'spanStart' | 'spanEnd'>;

// Trailing commas and stops belong to the reporting sentence, not to the claim.
const cleanClaimText = (text: string) => text.trim().replace(/[\s,;:]+$/, '');

@Injectable()
export class ClaimsService {
  constructor(
    readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly claims: ClaimRepository,
    private readonly quotes: QuotesService,
    private readonly speakers: SpeakersService,
    private readonly matcher: ClaimMatcher,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateClaimDto): Promise<ClaimDetailDto> {
    return this.get(await this.insert(await this.source(dto)));
  }

  // Parallel requests for the same quote (span): the unique index decides, the first one wins
  // and the others answer 409 with its id.
  @WriteTransaction()
  private async insert(source: ClaimSource): Promise<string> {
    if (source.quoteId) await this.assertNoClaim(source);
    // What the claim refers to is locked in the global order (speaker, then quote), so that a
    // merge that would delete them waits for this claim or makes it fail here, not at the insert.
    if (source.speakerId && !(await this.speakers.lockExisting(source.speakerId)))
      throw new ClaimsError(
        ClaimsErrorCode.Conflict,
        `Speaker ${source.speakerId} was merged into another one meanwhile`,
        { field: 'speakerId' },
      );
    if (source.quoteId && !(await this.quotes.lockExisting(source.quoteId)))
      throw new ClaimsError(
        ClaimsErrorCode.QuoteNotFound,
        `Quote ${source.quoteId} was merged into another one meanwhile`,
        { field: 'quoteId' },
      );
    const claim = await this.claims.insert({
      ...source,
      textKey: quoteKey(source.text),
      createdBy: requestContext.get().actor.name,
    });
    if (!claim) {
      await this.assertNoClaim(source);
      throw new Error('claim insert skipped without a conflicting claim');
    }
    await this.matcher.linkExistingQuotes(claim);
    await this.audit.record({
      action: 'claim.create',
      targetType: 'claim',
      targetId: claim.id,
      after: { text: claim.text, quoteId: claim.quoteId, speakerId: claim.speakerId },
    });
    return claim.id;
  }

  private async assertNoClaim(source: ClaimSource): Promise<void> {
    const existing = await this.claims.findBySpan(
      source.quoteId as string,
      source.spanStart,
      source.spanEnd,
    );
    if (existing)
      throw new ClaimsError(ClaimsErrorCode.Duplicate, 'This quote (span) already has a claim', {
        existingId: existing.id,
      });
  }

  // Appends a review. The caller must hold the current version: 428 without If-Match, 412 when stale.
  async review(
    id: string,
    dto: CreateReviewDto,
    ifMatch: string | undefined,
  ): Promise<ClaimDetailDto> {
    if (ifMatch === undefined)
      throw new ClaimsError(
        ClaimsErrorCode.VersionRequired,
        'Send If-Match with the claim version (its ETag) to review it',
      );
    await this.appendReview(id, dto, etagVersion(ifMatch));
    return this.get(id);
  }

  @WriteTransaction()
  private async appendReview(
    id: string,
    dto: CreateReviewDto,
    given: number | null,
  ): Promise<void> {
    const claim = await this.lockAt(id, given);
    const { actor } = requestContext.get();
    await this.claims.appendReview({
      claimId: id,
      verdict: dto.verdict,
      rationale: dto.rationale.trim(),
      evidence: dto.evidence.map((e) => ({
        url: e.url,
        ...(e.title ? { title: e.title } : {}),
        ...(e.note ? { note: e.note } : {}),
      })),
      reviewerKeyId: actor.keyId,
      reviewerName: actor.name,
      claimVersion: claim.version,
    });
    await this.audit.record({
      action: 'claim.review',
      targetType: 'claim',
      targetId: id,
      before: { status: claim.status, version: claim.version },
      after: {
        status: dto.verdict,
        version: claim.version + 1,
        rationale: dto.rationale,
        evidence: dto.evidence,
      },
    });
  }

  // A claim made by mistake leaves lists, exports and verdicts; its history stays.
  async withdraw(id: string, reason: string, ifMatch: string | undefined): Promise<ClaimDetailDto> {
    if (ifMatch === undefined)
      throw new ClaimsError(
        ClaimsErrorCode.VersionRequired,
        'Send If-Match with the claim version (its ETag) to withdraw it',
      );
    await this.markWithdrawn(id, reason.trim(), etagVersion(ifMatch));
    return this.get(id);
  }

  @WriteTransaction()
  private async markWithdrawn(id: string, reason: string, given: number | null): Promise<void> {
    const claim = await this.lockAt(id, given);
    const { actor } = requestContext.get();
    await this.claims.withdraw(id, actor.name, reason);
    await this.audit.record({
      action: 'claim.withdraw',
      targetType: 'claim',
      targetId: id,
      before: { status: claim.status, version: claim.version },
      after: { status: 'withdrawn', version: claim.version + 1, reason },
    });
  }

  // The claim, locked, at the version the caller holds; a withdrawn claim takes no changes.
  private async lockAt(id: string, given: number | null): Promise<ClaimEntity> {
    const claim = await this.claims.lockForReview(id);
    if (!claim) throw new ClaimsError(ClaimsErrorCode.NotFound, `No claim with id ${id}`, { id });
    if (given !== claim.version)
      throw new ClaimsError(
        ClaimsErrorCode.VersionMismatch,
        `Claim changed: current version is ${claim.version}`,
        { currentVersion: claim.version },
      );
    if (claim.status === 'withdrawn')
      throw new ClaimsError(ClaimsErrorCode.Withdrawn, 'This claim was withdrawn', {
        withdrawnAt: claim.withdrawnAt?.toISOString() ?? null,
      });
    return claim;
  }

  async get(id: string): Promise<ClaimDetailDto> {
    const claim = await this.claims.findById(id);
    if (!claim) throw new ClaimsError(ClaimsErrorCode.NotFound, `No claim with id ${id}`, { id });
    const [reviews, links, [summary]] = await Promise.all([
      this.claims.reviewsOf(id),
      this.claims.linksOf(id),
      this.summaries([claim]),
    ]);
    const occurrences = [];
    for (const link of links) {
      occurrences.push({
        relation: link.relation,
        similarity: Math.round(link.similarity * 1000) / 1000,
        needsReview: link.needsReview,
        quote: await this.quotes.get(link.quoteId),
      });
    }
    return {
      ...summary,
      history: reviews.map((r) => ({
        id: r.id,
        verdict: r.verdict,
        rationale: r.rationale,
        evidence: r.evidence,
        reviewer: r.reviewerName,
        reviewerKeyId: r.reviewerKeyId,
        at: r.createdAt.toISOString(),
        claimVersion: r.claimVersion,
      })),
      occurrences,
    };
  }

  async list(q: ListClaimsQuery): Promise<ClaimPageDto> {
    const parts = decodeCursor(q.cursor, ['date', 'uuid'] as const);
    const speakerIds = q.speaker ? await this.speakers.resolveFilter(q.speaker) : undefined;
    if (speakerIds && speakerIds.length === 0) return { items: [], nextCursor: null };
    const rows = await this.claims.page(
      { status: q.status, flagged: q.flagged, speakerId: speakerIds?.[0] },
      q.limit + 1,
      parts ? { createdAt: parts[0], id: parts[1] } : null,
    );
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    const result: Page<ClaimSummaryDto> = {
      items: await this.summaries(page),
      nextCursor:
        rows.length > q.limit ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
    return result;
  }

  // Newest reviews first; ClaimReview feeds are bounded.
  reviewedIds(limit = 1000): Promise<string[]> {
    return this.claims.reviewedIds(limit);
  }

  private async summaries(claims: ClaimEntity[]): Promise<ClaimSummaryDto[]> {
    const speakers = await this.speakers.summaries(
      claims.map((c) => c.speakerId).filter((s): s is string => !!s),
    );
    return claims.map((c) => {
      const s = c.speakerId ? speakers.get(c.speakerId) : undefined;
      return {
        id: c.id,
        text: c.text,
        status: c.status,
        version: c.version,
        quoteId: c.quoteId,
        speaker: s ? { id: s.id, name: s.name, role: s.role, organization: s.organization } : null,
        reviewedAt: c.reviewedAt?.toISOString() ?? null,
        createdAt: c.createdAt.toISOString(),
        createdBy: c.createdBy,
        withdrawn: c.withdrawnAt
          ? { at: c.withdrawnAt.toISOString(), by: c.withdrawnBy, reason: c.withdrawnReason }
          : null,
      };
    });
  }

  private async source(dto: CreateClaimDto): Promise<ClaimSource> {
    const hasSpan = dto.start !== undefined || dto.end !== undefined;
    if (dto.quoteId === undefined) {
      if (dto.text === undefined || hasSpan)
        throw new ClaimsError(
          ClaimsErrorCode.BadSource,
          'Give quoteId (with start/end or the exact text), or text with speakerId',
        );
      if (!dto.speakerId)
        throw new ClaimsError(ClaimsErrorCode.BadSource, 'A free-text claim needs speakerId', {
          field: 'speakerId',
        });
      if (!(await this.speakers.exists(dto.speakerId)))
        throw new ClaimsError(
          ClaimsErrorCode.SpeakerNotFound,
          `No speaker with id ${dto.speakerId}`,
          { field: 'speakerId' },
        );
      return {
        quoteId: null,
        speakerId: dto.speakerId,
        text: cleanClaimText(dto.text),
        spanStart: null,
        spanEnd: null,
      };
    }
    if (dto.text !== undefined && hasSpan)
      throw new ClaimsError(
        ClaimsErrorCode.BadSource,
        'Give the span either as start/end or as the exact text, not both',
        { field: 'text' },
      );
    const quote = await this.quoteOr422(dto.quoteId);
    const [start, end] =
      dto.text !== undefined
        ? spanOfText(quote.text, dto.text)
        : [dto.start ?? 0, dto.end ?? quote.text.length];
    const text = cleanClaimText(quote.text.slice(start, end));
    if (end > quote.text.length || start >= end || text.length < 3) {
      throw new ClaimsError(
        ClaimsErrorCode.BadSpan,
        `start/end must select text within the quote (length ${quote.text.length})`,
        { field: 'start' },
      );
    }
    const whole = start === 0 && end === quote.text.length;
    return {
      quoteId: quote.id,
      speakerId: dto.speakerId ?? quote.speaker?.id ?? null,
      text,
      spanStart: hasSpan || (dto.text !== undefined && !whole) ? start : null,
      spanEnd: hasSpan || (dto.text !== undefined && !whole) ? end : null,
    };
  }

  private async quoteOr422(id: string): Promise<QuoteDetailDto> {
    try {
      return await this.quotes.get(id);
    } catch (e) {
      if (e instanceof QuotesError)
        throw new ClaimsError(ClaimsErrorCode.QuoteNotFound, `No quote with id ${id}`, {
          field: 'quoteId',
        });
      throw e;
    }
  }
}

// Where the exact words stand in the quote (the first place, when they stand twice). Spacing
// and the kind of quotation mark or apostrophe do not count; anything else must match.
function spanOfText(quote: string, words: string): [number, number] {
  const fold = (c: string) => (/[‘’‚‛′]/.test(c) ? "'" : /[“”„‟″]/.test(c) ? '"' : c);
  const wanted = [...words.trim()].map(fold).join('').replace(/\s+/g, ' ');
  // Fold the quote the same way, remembering where each folded character came from.
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < quote.length; i++) {
    const c = fold(quote[i]);
    if (/\s/.test(c)) {
      if (folded.endsWith(' ')) continue;
      folded += ' ';
    } else folded += c;
    origin.push(i);
  }
  const at = wanted.length ? folded.indexOf(wanted) : -1;
  if (at < 0)
    throw new ClaimsError(ClaimsErrorCode.SpanNotInQuote, 'text does not occur in the quote', {
      field: 'text',
    });
  return [origin[at], origin[at + wanted.length - 1] + 1];
}
