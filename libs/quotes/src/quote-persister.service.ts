import { Injectable } from '@nestjs/common';
import { EventBus } from '@app/common';
import { ENGINE_VERSION, extract, ExtractedQuote, ExtractionResult } from '@app/extraction';
import { SpeakerResolver } from '@app/speakers';
import { quoteKey } from './quote-key';
import { QuoteRepository } from './quote.repository';

export interface ArticleFacts {
  id: string;
  body: string;
  publishedAt: Date | null;
  createdAt: Date;
}

// Runs the engine on an article and stores speakers, quotes and occurrences, inside the ambient
// transaction (the ingest one, or re-extraction's).
@Injectable()
export class QuotePersister {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly resolver: SpeakerResolver,
    private readonly events: EventBus,
  ) {}

  extract(article: ArticleFacts): ExtractionResult {
    return extract(article.body, { publishedAt: article.publishedAt });
  }

  async persist(
    article: ArticleFacts,
    result: ExtractionResult = this.extract(article),
  ): Promise<void> {
    // When it was said: the published date; the ingest time stands in for an undated article,
    // marked as such (`dated`) so date filters and exports can tell.
    const seenAt = article.publishedAt ?? article.createdAt;
    const dated = article.publishedAt !== null;
    const speakerIds = await this.resolveSpeakers(article, result, seenAt);
    for (const q of result.quotes) {
      const speakerId = q.speaker ? (speakerIds.get(q.speaker) ?? null) : null;
      await this.persistQuote(article, q, speakerId, { seenAt, dated });
    }
    await this.quotes.markExtracted(article.id, ENGINE_VERSION);
  }

  private async resolveSpeakers(
    article: ArticleFacts,
    result: ExtractionResult,
    seenAt: Date,
  ): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    const quoted = new Set(result.quotes.map((q) => q.speaker).filter((s): s is string => !!s));
    for (const name of quoted) {
      const person = result.people.find((p) => p.name === name);
      const fallback = result.quotes.find((q) => q.speaker === name);
      const seen = person ?? {
        name,
        nativeName: fallback?.nativeName ?? null,
        aliases: [],
        role: fallback?.role ?? null,
        organization: fallback?.organization ?? null,
      };
      ids.set(name, await this.resolver.resolve(seen, { at: seenAt, articleId: article.id }));
    }
    return ids;
  }

  private async persistQuote(
    article: ArticleFacts,
    q: ExtractedQuote,
    speakerId: string | null,
    { seenAt, dated }: { seenAt: Date; dated: boolean },
  ): Promise<void> {
    const textKey = quoteKey(q.text) || q.text;
    const existing = await this.quotes.findByKey(speakerId, textKey);
    const quoteId = await this.quotes.upsertQuote({
      speakerId,
      text: q.text,
      textKey,
      seenAt,
      dated,
    });
    await this.quotes.insertOccurrence({
      quoteId,
      articleId: article.id,
      startOffset: q.start,
      endOffset: q.end,
      wording: q.text,
      mention: q.mention,
      cue: q.cue,
      rule: q.rule,
      confidence: q.confidence,
      partial: q.partial,
      unterminated: q.unterminated,
      role: q.role,
      organization: q.organization,
      speakerDescription: q.speakerDescription,
      seenAt,
      dated,
      engineVersion: ENGINE_VERSION,
    });
    await this.events.emit('quote.persisted', {
      quoteId,
      speakerId,
      textKey,
      created: existing === null,
    });
  }
}
