import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, etagVersion, Page, requestContext } from '@app/common';
import { AuditService } from '@app/auth';
import { SpeakersService } from '@app/speakers';
import { QuoteFilterQuery, PatchQuoteDto } from './dto/quote-query.dto';
import { LookupHitDto, QuoteDetailDto, QuoteHitDto } from './dto/quote-response.dto';
import { QuoteHooksRegistry } from './quote-hooks';
import { quoteKey } from './quote-key';
import { QuoteFilter, QuoteRepository } from './quote.repository';
import { QuoteViews } from './quote-views.service';
import { QuotesError, QuotesErrorCode } from './quotes.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class QuotesService {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly views: QuoteViews,
    private readonly speakers: SpeakersService,
    private readonly hooks: QuoteHooksRegistry,
    private readonly audit: AuditService,
  ) {}

  async search(query: QuoteFilterQuery): Promise<Page<QuoteHitDto>> {
    const filter = await this.filter(query);
    if (!filter) return { items: [], nextCursor: null };
    const after = this.after(query.cursor);
    const rows = await this.quotes.search(filter, query.limit + 1, after);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > query.limit
        ? encodeCursor([new Date(last.first_seen).toISOString(), last.id])
        : null;
    return { items: (await this.views.hits(page)).map(({ row: _row, ...hit }) => hit), nextCursor };
  }

  // Shared with exports: the same filters, resolved once. null = nothing can match.
  async filter(query: Omit<QuoteFilterQuery, 'limit' | 'cursor'>): Promise<QuoteFilter | null> {
    const filter: QuoteFilter = { q: query.q, articleId: query.article };
    if (query.from) filter.from = new Date(query.from);
    if (query.to) filter.to = endOfDayIfDate(query.to);
    if (query.speaker) {
      filter.speakerIds = await this.speakerIds(query.speaker);
      if (!filter.speakerIds.length) return null;
    }
    if (query.verdict) {
      const { include, exclude } = await this.hooks.verdictFilter(query.verdict);
      if (include) filter.quoteIds = include;
      if (exclude) filter.excludeQuoteIds = exclude;
    }
    return filter;
  }

  async lookup(text: string, limit: number): Promise<LookupHitDto[]> {
    const rows = await this.quotes.lookup(text, quoteKey(text), limit);
    return (await this.views.hits(rows)).map(({ row, ...hit }) => ({
      ...hit,
      similarity: Math.min(1, Number(row.score)),
    }));
  }

  async get(id: string): Promise<QuoteDetailDto> {
    const quote = await this.quotes.findById(id);
    if (!quote) throw new QuotesError(QuotesErrorCode.NotFound, `No quote with id ${id}`, { id });
    const [{ row: _row, ...hit }] = await this.views.hits(
      await this.quotes.search({ quoteIds: [id] }, 1, null),
    );
    return {
      ...hit,
      appearances: await this.views.appearances(id),
      correctedAt: quote.correctedAt?.toISOString() ?? null,
      correctedBy: quote.correctedBy,
    };
  }

  // A reviewer's correction. When the corrected (speaker, text) already exists as a quote,
  // the two are folded together: one statement, all its appearances.
  async correct(id: string, patch: PatchQuoteDto, ifMatch?: string): Promise<QuoteDetailDto> {
    if (
      patch.speakerId === undefined &&
      patch.text === undefined &&
      patch.attributionStatus === undefined
    ) {
      throw new QuotesError(
        QuotesErrorCode.EmptyPatch,
        'Nothing to change: give speakerId, text or attributionStatus',
      );
    }
    const actor = requestContext.get().actor;
    const resultId = await this.quotes.transaction(async (m) => {
      const quote = await this.quotes.findForUpdate(m, id);
      if (!quote) throw new QuotesError(QuotesErrorCode.NotFound, `No quote with id ${id}`, { id });
      checkVersion(ifMatch, quote.version);
      const speakerId = patch.speakerId !== undefined ? patch.speakerId : quote.speakerId;
      if (speakerId && !(await this.speakers.exists(speakerId))) {
        throw new QuotesError(QuotesErrorCode.SpeakerNotFound, `No speaker with id ${speakerId}`, {
          field: 'speakerId',
        });
      }
      let target = id;
      if (
        speakerId !== quote.speakerId ||
        (patch.text !== undefined && patch.text !== quote.text)
      ) {
        const text = patch.text ?? quote.text;
        const textKey = quoteKey(text) || text;
        const dup = await this.quotes.findByKey(m, speakerId, textKey);
        if (dup && dup.id !== id) {
          await this.hooks.quotesFolded(m, id, dup.id);
          await this.quotes.foldInto(m, id, dup.id);
          target = dup.id;
        }
        await this.quotes.setSpeakerAndText(m, target, {
          speakerId,
          text,
          textKey,
          correctedBy: actor.name,
        });
      }
      if (patch.attributionStatus)
        await this.quotes.setAttributionStatus(m, target, patch.attributionStatus, actor.name);
      await this.audit.record(m, {
        action: 'quote.correct',
        targetType: 'quote',
        targetId: id,
        before: {
          speakerId: quote.speakerId,
          text: quote.text,
          attributionStatus: quote.attributionStatus,
          version: quote.version,
        },
        after: { ...patch, quoteId: target },
      });
      return target;
    });
    return this.get(resultId);
  }

  private async speakerIds(speaker: string): Promise<string[]> {
    if (UUID.test(speaker)) return [speaker];
    const hits = await this.speakers.search(speaker, 10);
    const best = hits[0]?.similarity ?? 0;
    return best >= 0.5 ? hits.filter((h) => h.similarity === best).map((h) => h.id) : [];
  }

  private after(cursor: string | undefined): { firstSeen: string; id: string } | null {
    const parts = decodeCursor(cursor, ['date', 'uuid'] as const);
    return parts && { firstSeen: parts[0], id: parts[1] };
  }
}

// `to=2010-05-31` means the whole of that day.
function endOfDayIfDate(value: string): Date {
  const d = new Date(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) d.setUTCHours(23, 59, 59, 999);
  return d;
}

export function checkVersion(ifMatch: string | undefined, version: number): void {
  if (ifMatch === undefined) return;
  const given = etagVersion(ifMatch);
  if (given === null)
    throw new QuotesError(
      QuotesErrorCode.InvalidVersion,
      'If-Match must be the version ETag, e.g. "3"',
    );
  if (given !== version) {
    throw new QuotesError(
      QuotesErrorCode.VersionMismatch,
      `Quote changed since version ${given}; current version is ${version}`,
      { currentVersion: version },
    );
  }
}
