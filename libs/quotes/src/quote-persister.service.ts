import { Injectable } from '@nestjs/common';
import { EventBus } from '@app/common';
import { ENGINE_VERSION, extract, ExtractedQuote, ExtractionResult } from '@app/extraction';
import { SightingOf, SpeakerResolver } from '@app/speakers';
import { compareQuoteKeys, quoteKey } from './quote-key';
import { NewOccurrence, NewQuoteRow, QuoteRepository } from './quote.repository';

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
    await this.persistAll([{ article, result }]);
  }

  // The articles of one ingest together, so that its locks are taken in one global order
  // (speaker names, speakers, aliases, affiliations, quotes, then what claims do on them) across
  // all of them: two ingests then never wait on each other in a cycle.
  async persistAll(batch: { article: ArticleFacts; result?: ExtractionResult }[]): Promise<void> {
    const items = batch.map(({ article, result }) => ({
      article,
      result: result ?? this.extract(article),
      // When it was said: the published date; the ingest time stands in for an undated article,
      // marked as such (`dated`) so date filters and exports can tell.
      seenAt: article.publishedAt ?? article.createdAt,
      dated: article.publishedAt !== null,
    }));
    const speakerIds = await this.resolveSpeakers(items);
    const quotes = items.flatMap(({ article, result, seenAt, dated }, n) =>
      result.quotes.map((q) => ({
        article,
        q,
        seenAt,
        dated,
        speakerId: q.speaker ? (speakerIds[n].get(q.speaker) ?? null) : null,
        textKey: quoteKey(q.text) || q.text,
      })),
    );
    // One row per (speaker, text key), its sightings' dates merged, upserted (and locked) in
    // (speaker, text key) order before anything else touches them: one statement cannot update
    // a row twice, and two batches lock shared rows in the same order. Occurrences are new rows
    // of new articles.
    const rows = new Map<string, NewQuoteRow>();
    const rowOf = quotes.map(({ speakerId, q, textKey, seenAt, dated }) => {
      const key = `${speakerId ?? ''}\u0000${textKey}`;
      const row = rows.get(key);
      if (row) widen(row, seenAt, dated);
      else
        rows.set(key, {
          speakerId,
          text: q.text,
          textKey,
          firstSeen: seenAt,
          lastSeen: seenAt,
          dated,
        });
      return key;
    });
    const ordered = [...rows.entries()].sort(([, a], [, b]) => compareQuoteKeys(a, b));
    const index = new Map(ordered.map(([key], i) => [key, i]));
    const upserted = await this.quotes.store(
      ordered.map(([, row]) => row),
      quotes.map(({ article, q, seenAt, dated }, i) => ({
        ...occurrence(article, q, seenAt, dated),
        row: index.get(rowOf[i]) as number,
      })),
      { articleIds: items.map(({ article }) => article.id), engineVersion: ENGINE_VERSION },
    );
    if (ordered.length)
      await this.events.emit('quotes.persisted', {
        quotes: ordered.map(([, row], i) => ({
          ...upserted[i],
          speakerId: row.speakerId,
          textKey: row.textKey,
        })),
      });
  }

  // Every quoted person of the batch, resolved in one go; per article, name → speaker id.
  private async resolveSpeakers(
    items: { article: ArticleFacts; result: ExtractionResult; seenAt: Date }[],
  ): Promise<Map<string, string>[]> {
    const sightings: SightingOf[] = [];
    const names: string[][] = [];
    for (const { article, result, seenAt } of items) {
      const quoted = [
        ...new Set(result.quotes.map((q) => q.speaker).filter((s): s is string => !!s)),
      ];
      names.push(quoted);
      for (const name of quoted) {
        const person = result.people.find((p) => p.name === name);
        const fallback = result.quotes.find((q) => q.speaker === name);
        sightings.push({
          person: person ?? {
            name,
            nativeName: fallback?.nativeName ?? null,
            aliases: [],
            role: fallback?.role ?? null,
            organization: fallback?.organization ?? null,
          },
          at: seenAt,
          articleId: article.id,
        });
      }
    }
    const ids = await this.resolver.resolveAll(sightings);
    let next = 0;
    return names.map((quoted) => new Map(quoted.map((name) => [name, ids[next++]])));
  }
}

// Another sighting of the same quote in the batch, merged as the upsert merges it into a stored
// row: a dated sighting outranks undated ones; among sightings of one kind the dates widen.
function widen(row: NewQuoteRow, seenAt: Date, dated: boolean): void {
  if (row.dated === dated) {
    if (seenAt < row.firstSeen) row.firstSeen = seenAt;
    if (seenAt > row.lastSeen) row.lastSeen = seenAt;
  } else if (dated) {
    row.firstSeen = seenAt;
    row.lastSeen = seenAt;
    row.dated = true;
  }
}

function occurrence(
  article: ArticleFacts,
  q: ExtractedQuote,
  seenAt: Date,
  dated: boolean,
): Omit<NewOccurrence, 'quoteId'> {
  return {
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
  };
}
