import { Injectable } from '@nestjs/common';
import { ArticleDto, ArticlesService } from '@app/articles';
import { paragraphAround } from './quote-key';
import { HitRow, QuoteRepository } from './quote.repository';
import { OccurrenceDto, QuoteArticleDto, QuoteHitDto } from './dto/quote-response.dto';

// Turns quote rows into the response DTOs.
@Injectable()
export class QuoteViews {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly articles: ArticlesService,
  ) {}

  // Rows from QuoteRepository.search/lookup already carry speaker, article and verdict.
  hits<R extends HitRow>(rows: R[]): (QuoteHitDto & { row: R })[] {
    return rows.map((r) => {
      const claim = r.claim_id
        ? {
            id: r.claim_id,
            status: r.claim_status ?? 'unreviewed',
            reviewedAt: r.claim_reviewed_at ? new Date(r.claim_reviewed_at).toISOString() : null,
          }
        : null;
      return {
        row: r,
        id: r.id,
        text: r.text,
        speaker: r.speaker_id
          ? {
              id: r.speaker_id,
              name: r.speaker_name ?? '',
              nativeName: r.speaker_native_name,
              role: r.role,
              organization: r.organization,
            }
          : null,
        speakerDescription: r.speaker_description,
        article: hitArticle(r),
        firstSeen: new Date(r.first_seen).toISOString(),
        dated: r.dated,
        occurrences: Number(r.occurrences),
        attributionStatus: r.attribution_status,
        verdict: claim?.status ?? 'unreviewed',
        claim,
        version: r.version,
        rejectedAt: r.rejected_at ? new Date(r.rejected_at).toISOString() : null,
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

function hitArticle(r: HitRow): QuoteArticleDto {
  const lead = r.article_lead ?? '';
  return {
    id: r.article_id ?? '',
    kind: r.article_kind ?? 'article',
    kicker: r.article_kicker,
    title: r.article_title,
    lead: (r.article_length ?? 0) > 200 ? `${lead.slice(0, 199)}…` : lead,
    url: r.article_url,
    publisher: r.article_publisher,
    publishedAt: r.article_published_at ? new Date(r.article_published_at).toISOString() : null,
    dated: r.article_published_at !== null,
    sources: r.article_sources ?? [],
  };
}

function toQuoteArticle(a: ArticleDto | undefined): QuoteArticleDto {
  if (!a)
    return {
      id: '',
      kind: 'article',
      kicker: null,
      title: null,
      lead: '',
      url: null,
      publisher: null,
      publishedAt: null,
      dated: false,
      sources: [],
    };
  return {
    id: a.id,
    kind: a.kind,
    kicker: a.kicker,
    title: a.title,
    lead: a.lead,
    url: a.url,
    publisher: a.publisher,
    publishedAt: a.publishedAt,
    dated: a.dated,
    sources: a.sources.map((s) => ({ documentId: s.documentId, filename: s.filename })),
  };
}
