import { Injectable } from '@nestjs/common';
import type { ArticleEntity } from '@app/articles';
import { ENGINE_VERSION, extract, ExtractedQuote, ExtractionResult } from '@app/extraction';
import { SpeakerResolver } from '@app/speakers';
import type { EntityManager } from 'typeorm';
import { QuoteHooksRegistry } from './quote-hooks';
import { quoteKey } from './quote-key';
import { QuoteRepository } from './quote.repository';

type ArticleFacts = Pick<ArticleEntity, 'id' | 'body' | 'publishedAt' | 'createdAt'>;

// Runs the engine on an article and stores speakers, quotes and occurrences, inside the
// caller's transaction (the ingest one, or re-extraction's).
@Injectable()
export class QuotePersister {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly resolver: SpeakerResolver,
    private readonly hooks: QuoteHooksRegistry,
  ) {}

  extract(article: ArticleFacts): ExtractionResult {
    return extract(article.body, { publishedAt: article.publishedAt });
  }

  async persist(
    m: EntityManager,
    article: ArticleFacts,
    result: ExtractionResult = this.extract(article),
  ): Promise<void> {
    const seenAt = article.publishedAt ?? article.createdAt;
    const speakerIds = await this.resolveSpeakers(m, article, result, seenAt);
    for (const q of result.quotes)
      await this.persistQuote(
        m,
        article,
        q,
        q.speaker ? (speakerIds.get(q.speaker) ?? null) : null,
        seenAt,
      );
    await this.quotes.markExtracted(m, article.id, ENGINE_VERSION);
  }

  async resolveSpeakers(
    m: EntityManager,
    article: ArticleFacts,
    result: ExtractionResult,
    seenAt: Date,
  ): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    const quoted = new Set(
      result.quotes.map((q) => q.speaker).filter((s): s is string => s !== null),
    );
    for (const name of quoted) {
      const person = result.people.find((p) => p.name === name);
      const fallback = result.quotes.find((q) => q.speaker === name);
      ids.set(
        name,
        await this.resolver.resolve(
          m,
          person ?? {
            name,
            nativeName: fallback?.nativeName ?? null,
            aliases: [],
            role: fallback?.role ?? null,
            organization: fallback?.organization ?? null,
          },
          { at: seenAt, articleId: article.id },
        ),
      );
    }
    return ids;
  }

  async persistQuote(
    m: EntityManager,
    article: ArticleFacts,
    q: ExtractedQuote,
    speakerId: string | null,
    seenAt: Date,
  ): Promise<string> {
    const textKey = quoteKey(q.text) || q.text;
    const existing = await this.quotes.findByKey(m, speakerId, textKey);
    const quoteId = await this.quotes.upsertQuote(m, { speakerId, text: q.text, textKey, seenAt });
    await this.quotes.insertOccurrence(m, {
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
      engineVersion: ENGINE_VERSION,
    });
    await this.hooks.quotePersisted(m, { quoteId, speakerId, textKey, created: existing === null });
    return quoteId;
  }
}
