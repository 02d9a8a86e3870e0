import { Inject, Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, etagVersion, Page, requestContext } from '@app/common';
import { AuditService } from '@app/auth';
import { EventBus } from '@app/common';
import {
  ReadReplica,
  TransactionalAdapterTypeOrm,
  TransactionHost,
  WriteTransaction,
} from '@app/database';
import { SpeakerEditor, SpeakersService } from '@app/speakers';
import {
  PatchQuoteDto,
  QuoteFilterQuery,
  QuoteHistoryEntryDto,
  SplitSpeakerDto,
} from './dto/quote-query.dto';
import { LookupHitDto, QuoteDetailDto, QuoteHitDto } from './dto/quote-response.dto';
import { QUOTE_CLAIMS, QuoteClaimsPort } from './quote-claims.port';
import { quoteKey } from './quote-key';
import { QuoteFilter, QuoteRepository } from './quote.repository';
import { QuoteViews } from './quote-views.service';
import { QuotesError, QuotesErrorCode } from './quotes.errors';

@Injectable()
export class QuotesService {
  constructor(
    readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly quotes: QuoteRepository,
    private readonly views: QuoteViews,
    private readonly speakers: SpeakersService,
    private readonly editor: SpeakerEditor,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    @Inject(QUOTE_CLAIMS) private readonly claims: QuoteClaimsPort,
  ) {}

  // For a write of another lib that refers to the quote: it stays until that transaction ends.
  lockExisting(id: string): Promise<boolean> {
    return this.quotes.lockForKeyShare(id);
  }

  // Lookups read a replica when there are any (DATABASE_REPLICA_URLS): a moment stale is fine.
  @ReadReplica()
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
    return { items: this.views.hits(page).map(({ row: _row, ...hit }) => hit), nextCursor };
  }

  // Shared with exports: the same filters, resolved once. null = nothing can match.
  async filter(query: Omit<QuoteFilterQuery, 'limit' | 'cursor'>): Promise<QuoteFilter | null> {
    const ranged = query.from !== undefined || query.to !== undefined;
    if (ranged && query.undated === 'only') {
      throw new QuotesError(
        QuotesErrorCode.InvalidFilter,
        'undated=only cannot be combined with from/to',
        { field: 'undated' },
      );
    }
    // A date range asks for known dates: undated quotes only when asked for (undated=include).
    const filter: QuoteFilter = {
      q: query.q,
      articleId: query.article,
      publisher: query.publisher,
      undated: query.undated ?? (ranged ? 'exclude' : 'include'),
      rejected: query.rejected,
    };
    if (query.from) filter.from = new Date(query.from);
    if (query.to) filter.to = endOfDayIfDate(query.to);
    if (query.speaker) {
      filter.speakerIds = await this.speakers.resolveFilter(query.speaker);
      if (!filter.speakerIds.length) return null;
    }
    if (query.verdict) {
      const { include, exclude } = await this.claims.verdictFilter(query.verdict);
      if (include) filter.quoteIds = include;
      if (exclude) filter.excludeQuoteIds = exclude;
    }
    return filter;
  }

  @ReadReplica()
  async lookup(text: string, limit: number): Promise<LookupHitDto[]> {
    const rows = await this.quotes.lookup(text, quoteKey(text), limit);
    return this.views.hits(rows).map(({ row, ...hit }) => ({
      ...hit,
      similarity: Math.min(1, Number(row.score)),
    }));
  }

  // Quotes that say (near enough) what `text` says: a new claim's matches.
  similarQuotes(
    text: string,
    threshold: number,
    limit = 50,
  ): Promise<{ id: string; speakerId: string | null; similarity: number }[]> {
    return this.quotes
      .similarTo(quoteKey(text) || text, threshold, limit)
      .then((rows) =>
        rows.map((r) => ({ id: r.id, speakerId: r.speaker_id, similarity: r.similarity })),
      );
  }

  async get(id: string): Promise<QuoteDetailDto> {
    const quote = await this.quotes.findById(id);
    if (!quote) throw new QuotesError(QuotesErrorCode.NotFound, `No quote with id ${id}`, { id });
    const [{ row: _row, ...hit }] = this.views.hits(
      await this.quotes.search({ quoteIds: [id], rejected: 'include' }, 1, null),
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
      patch.attributionStatus === undefined &&
      patch.rejected === undefined
    ) {
      throw new QuotesError(
        QuotesErrorCode.EmptyPatch,
        'Nothing to change: give speakerId, text, attributionStatus or rejected',
      );
    }
    if (patch.reason !== undefined && patch.rejected !== true)
      throw new QuotesError(QuotesErrorCode.EmptyPatch, 'reason goes with rejected: true', {
        field: 'reason',
      });
    return this.get(await this.applyCorrection(id, patch, ifMatch));
  }

  // Locks the quote, checks its version, and applies the patch; returns the id the quote has
  // afterwards (another one's when it was folded into it).
  @WriteTransaction()
  private async applyCorrection(
    id: string,
    patch: PatchQuoteDto,
    ifMatch: string | undefined,
  ): Promise<string> {
    const actor = requestContext.get().actor;
    const quote = await this.quotes.findForUpdate(id);
    if (!quote) throw new QuotesError(QuotesErrorCode.NotFound, `No quote with id ${id}`, { id });
    checkVersion(ifMatch, quote.version);
    const speakerId = patch.speakerId !== undefined ? patch.speakerId : quote.speakerId;
    if (speakerId && !(await this.speakers.exists(speakerId))) {
      throw new QuotesError(QuotesErrorCode.SpeakerNotFound, `No speaker with id ${speakerId}`, {
        field: 'speakerId',
      });
    }
    let target = id;
    let folded = false;
    const speakerChanged = speakerId !== quote.speakerId;
    const moved = speakerChanged ? await this.quotes.occurrencesOf([id]) : [];
    if (speakerChanged || (patch.text !== undefined && patch.text !== quote.text)) {
      const text = patch.text ?? quote.text;
      const textKey = quoteKey(text) || text;
      const dup = await this.quotes.findByKey(speakerId, textKey);
      if (dup && dup.id !== id) {
        await this.events.emit('quote.folded', { fromId: id, intoId: dup.id });
        await this.quotes.foldInto(id, dup.id);
        target = dup.id;
        folded = true;
      }
      await this.quotes.setSpeakerAndText(target, {
        speakerId,
        text,
        textKey,
        correctedBy: actor.name,
      });
    }
    if (speakerChanged) {
      // The quote now carries the new speaker's role as of each article, or none.
      const roles = speakerId
        ? await this.speakers.affiliationsAt(
            speakerId,
            moved.map((o) => o.seenAt),
          )
        : moved.map(() => null);
      for (const [i, o] of moved.entries())
        await this.quotes.setOccurrenceAffiliation(o.id, roles[i]);
      await this.events.emit('quote.reattributed', {
        quoteId: target,
        fromSpeakerId: quote.speakerId,
        toSpeakerId: speakerId,
      });
    }
    if (patch.attributionStatus)
      await this.quotes.setAttributionStatus(target, patch.attributionStatus, actor.name);
    if (patch.rejected !== undefined)
      await this.quotes.setRejected(
        target,
        patch.rejected ? { by: actor.name, reason: patch.reason ?? null } : null,
      );
    // One change, one version (a fold has already moved the surviving quote's version).
    if (!folded) await this.quotes.bumpVersion(target);
    await this.audit.record({
      action: 'quote.correct',
      targetType: 'quote',
      targetId: id,
      before: {
        speakerId: quote.speakerId,
        text: quote.text,
        attributionStatus: quote.attributionStatus,
        rejected: quote.rejectedAt !== null,
        version: quote.version,
      },
      after: { ...patch, quoteId: target },
    });
    if (target !== id)
      await this.audit.record({
        action: 'quote.fold',
        targetType: 'quote',
        targetId: target,
        after: { foldedFrom: id, by: 'correction' },
      });
    return target;
  }

  // A speaker who is really two people: the chosen quotes move to another speaker (an existing
  // one, or one made here), each as a speaker correction, all in one transaction.
  async split(
    fromId: string,
    dto: SplitSpeakerDto,
  ): Promise<{ speakerId: string; moved: string[] }> {
    if ((dto.intoSpeakerId === undefined) === (dto.newSpeaker === undefined))
      throw new QuotesError(QuotesErrorCode.BadSplit, 'Give either intoSpeakerId or newSpeaker', {
        field: 'intoSpeakerId',
      });
    if (dto.intoSpeakerId === fromId)
      throw new QuotesError(QuotesErrorCode.BadSplit, 'The quotes are already this speaker’s', {
        field: 'intoSpeakerId',
      });
    return this.splitInTransaction(fromId, [...new Set(dto.quoteIds)], dto);
  }

  @WriteTransaction()
  private async splitInTransaction(
    fromId: string,
    quoteIds: string[],
    dto: SplitSpeakerDto,
  ): Promise<{ speakerId: string; moved: string[] }> {
    if (!(await this.speakers.exists(fromId))) throw await this.speakers.notFound(fromId);
    const speakerId = dto.newSpeaker
      ? await this.editor.insert(dto.newSpeaker)
      : (dto.intoSpeakerId as string);
    const moved: string[] = [];
    // In id order, like every other multi-row write, so two splits cannot deadlock.
    for (const id of [...quoteIds].sort()) {
      const quote = await this.quotes.findById(id);
      if (!quote) throw new QuotesError(QuotesErrorCode.NotFound, `No quote with id ${id}`, { id });
      if (quote.speakerId !== fromId)
        throw new QuotesError(
          QuotesErrorCode.NotBySpeaker,
          `Quote ${id} is not attributed to speaker ${fromId}`,
          { id, speakerId: quote.speakerId },
        );
      moved.push(await this.applyCorrection(id, { speakerId }, undefined));
    }
    return { speakerId, moved };
  }

  // Who changed the quote, when, and from what: its audit entries, newest first.
  async history(id: string): Promise<QuoteHistoryEntryDto[]> {
    if (!(await this.quotes.findById(id)))
      throw new QuotesError(QuotesErrorCode.NotFound, `No quote with id ${id}`, { id });
    const entries = await this.audit.list({ targetType: 'quote', targetId: id, limit: 500 });
    return entries.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      actor: e.actorName,
      actorRole: e.actorRole,
      before: e.before,
      after: e.after,
      requestId: e.requestId,
    }));
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
  // `If-Match: *` matches any current version (RFC 9110).
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
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
