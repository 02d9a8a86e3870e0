import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, etagVersion, Page, requestContext } from '@app/common';
import { AuditService } from '@app/auth';
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

// Trailing commas and stops belong to the reporting sentence, not to the claim.
const cleanClaimText = (text: string) => text.trim().replace(/[\s,;:]+$/, '');

@Injectable()
export class ClaimsService {
  constructor(
    private readonly claims: ClaimRepository,
    private readonly quotes: QuotesService,
    private readonly speakers: SpeakersService,
    private readonly matcher: ClaimMatcher,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateClaimDto): Promise<ClaimDetailDto> {
    const source = await this.source(dto);
    const id = await this.claims.transaction(async (m) => {
      if (source.quoteId) {
        const existing = await this.claims.findBySpan(
          m,
          source.quoteId,
          source.spanStart,
          source.spanEnd,
        );
        if (existing)
          throw new ClaimsError(
            ClaimsErrorCode.Duplicate,
            'This quote (span) already has a claim',
            { existingId: existing.id },
          );
      }
      const claim = await this.claims.insert(m, {
        ...source,
        textKey: quoteKey(source.text),
        createdBy: requestContext.get().actor.name,
      });
      await this.matcher.linkExistingQuotes(m, claim);
      await this.audit.record(m, {
        action: 'claim.create',
        targetType: 'claim',
        targetId: claim.id,
        after: { text: claim.text, quoteId: claim.quoteId, speakerId: claim.speakerId },
      });
      return claim.id;
    });
    return this.get(id);
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
    const given = etagVersion(ifMatch);
    await this.claims.transaction(async (m) => {
      const claim = await this.claims.lockForReview(m, id);
      if (!claim) throw new ClaimsError(ClaimsErrorCode.NotFound, `No claim with id ${id}`, { id });
      if (given !== claim.version) {
        throw new ClaimsError(
          ClaimsErrorCode.VersionMismatch,
          `Claim changed: current version is ${claim.version}`,
          { currentVersion: claim.version },
        );
      }
      const { actor } = requestContext.get();
      await this.claims.appendReview(m, {
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
      await this.audit.record(m, {
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
    });
    return this.get(id);
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
    const rows = await this.claims.page(
      { status: q.status, flagged: q.flagged, speakerId: q.speaker },
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
      };
    });
  }

  private async source(
    dto: CreateClaimDto,
  ): Promise<Pick<ClaimEntity, 'quoteId' | 'speakerId' | 'text' | 'spanStart' | 'spanEnd'>> {
    if ((dto.quoteId === undefined) === (dto.text === undefined)) {
      throw new ClaimsError(
        ClaimsErrorCode.BadSource,
        'Give either quoteId (optionally with start/end) or text with speakerId',
      );
    }
    if (dto.text !== undefined) {
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
    const quote = await this.quoteOr422(dto.quoteId as string);
    const hasSpan = dto.start !== undefined || dto.end !== undefined;
    const start = dto.start ?? 0;
    const end = dto.end ?? quote.text.length;
    const text = cleanClaimText(quote.text.slice(start, end));
    if (end > quote.text.length || start >= end || text.length < 3) {
      throw new ClaimsError(
        ClaimsErrorCode.BadSpan,
        `start/end must select text within the quote (length ${quote.text.length})`,
        { field: 'start' },
      );
    }
    return {
      quoteId: quote.id,
      speakerId: dto.speakerId ?? quote.speaker?.id ?? null,
      text,
      spanStart: hasSpan ? start : null,
      spanEnd: hasSpan ? end : null,
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
