import { Injectable } from '@nestjs/common';
import { ArticleDto, ArticlesService } from '@app/articles';
import { SpeakersService } from '@app/speakers';
import { QuoteHooksRegistry } from './quote-hooks';
import { paragraphAround } from './quote-key';
import { QuoteRepository, QuoteRow } from './quote.repository';
import { QuoteOccurrenceEntity } from './entities/quote-occurrence.entity';
import { OccurrenceDto, QuoteArticleDto, QuoteHitDto } from './dto/quote-response.dto';

// Turns quote rows into the response DTOs: speaker, article and verdict fetched in batches.
@Injectable()
export class QuoteViews {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly speakers: SpeakersService,
    private readonly articles: ArticlesService,
    private readonly hooks: QuoteHooksRegistry,
  ) {}

  async hits<R extends QuoteRow>(rows: R[]): Promise<(QuoteHitDto & { row: R })[]> {
    const ids = rows.map((r) => r.id);
    const occurrences = await this.quotes.occurrencesOf(ids);
    const first = new Map<string, QuoteOccurrenceEntity>();
    for (const o of occurrences) if (!first.has(o.quoteId)) first.set(o.quoteId, o);
    const [speakers, articles, claims] = await Promise.all([
      this.speakers.summaries([...new Set(rows.map((r) => r.speaker_id).filter((s): s is string => !!s))]),
      this.articles.refs([...first.values()].map((o) => o.articleId)),
      this.hooks.claimsOf(ids),
    ]);
    return rows.map((r) => {
      const occ = first.get(r.id);
      const speaker = r.speaker_id ? speakers.get(r.speaker_id) : undefined;
      const claim = claims.get(r.id) ?? null;
      return {
        row: r,
        id: r.id,
        text: r.text,
        speaker: speaker ? { ...speaker, role: occ?.role ?? speaker.role, organization: occ?.organization ?? speaker.organization } : null,
        speakerDescription: occ?.speakerDescription ?? null,
        article: toQuoteArticle(occ ? articles.get(occ.articleId) : undefined),
        firstSeen: new Date(r.first_seen).toISOString(),
        occurrences: Number(r.occurrences),
        attributionStatus: r.attribution_status,
        verdict: claim?.status ?? 'unreviewed',
        claim,
        version: r.version,
      };
    });
  }

  async appearances(quoteId: string): Promise<OccurrenceDto[]> {
    const occurrences = await this.quotes.occurrencesOf([quoteId]);
    const articles = await this.articles.refs(occurrences.map((o) => o.articleId));
    return occurrences.map((o) => {
      const article = articles.get(o.articleId);
      return {
        id: o.id,
        article: toQuoteArticle(article),
        start: o.startOffset,
        end: o.endOffset,
        wording: o.wording,
        context: article ? paragraphAround(article.body, o.startOffset, o.endOffset).text : '',
        mention: o.mention,
        cue: o.cue,
        rule: o.rule,
        confidence: Math.round(o.confidence * 1000) / 1000,
        partial: o.partial,
        unterminated: o.unterminated,
        role: o.role,
        organization: o.organization,
        speakerDescription: o.speakerDescription,
      };
    });
  }
}

function toQuoteArticle(a: ArticleDto | undefined): QuoteArticleDto {
  if (!a) return { id: '', kind: 'article', kicker: null, title: null, lead: '', url: null, publisher: null, publishedAt: null, sources: [] };
  return {
    id: a.id,
    kind: a.kind,
    kicker: a.kicker,
    title: a.title,
    lead: a.lead,
    url: a.url,
    publisher: a.publisher,
    publishedAt: a.publishedAt,
    sources: a.sources.map((s) => ({ documentId: s.documentId, filename: s.filename })),
  };
}
