import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/auth';
import { decodeCursor, encodeCursor, Page } from '@app/common';
import { ENGINE_VERSION, extract, segmentDocument } from '@app/extraction';
import { createHash } from 'node:crypto';
import { ArticleRepository, SourceRow } from './article.repository';
import { articleTextProblem } from './article-text';
import { ArticlesError, ArticlesErrorCode } from './articles.errors';
import {
  ArticleDto,
  ArticleQuoteDto,
  ArticleSummaryDto,
  IngestResponseDto,
} from './dto/article-response.dto';
import { ArticleEntity } from './entities/article.entity';
import type { DocumentSource } from './entities/document.entity';
import { ArticleIngestHooks } from './article-ingest.hooks';
import { ExtractPreviewDto } from './dto/extract-preview.dto';

export interface IngestInput {
  body: string;
  title?: string | null;
  url?: string | null;
  publisher?: string | null;
  publishedAt?: string | null;
  source: DocumentSource;
  filename?: string | null;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

@Injectable()
export class ArticlesService {
  constructor(
    private readonly repository: ArticleRepository,
    private readonly hooks: ArticleIngestHooks,
    private readonly audit: AuditService,
  ) {}

  // One transaction: the document, its articles, their sources and whatever the hooks add
  // (quotes, speakers) land together or not at all.
  async ingest(input: IngestInput): Promise<IngestResponseDto> {
    const problem = articleTextProblem(input.body);
    if (problem) throw new ArticlesError(ArticlesErrorCode.InvalidText, problem, { field: 'body' });
    const publishedAt = input.publishedAt ? new Date(input.publishedAt) : null;
    const { document, created } = await this.repository.transaction(async (manager) => {
      const doc = await this.repository.insertDocument(manager, {
        sha256: sha256(input.body),
        body: input.body,
        source: input.source,
        filename: input.filename ?? null,
        title: input.title ?? null,
        url: input.url ?? null,
        publisher: input.publisher ?? null,
        publishedAt,
      });
      if (!doc.created) return { document: doc.row, created: false };
      const segments = segmentDocument(input.body);
      const sources = [];
      for (const [position, segment] of segments.entries()) {
        const isMain = segment.kind === 'article';
        const article = await this.repository.upsertArticle(manager, {
          sha256: sha256(segment.text),
          kind: segment.kind,
          kicker: segment.kicker,
          truncated: segment.truncated,
          body: segment.text,
          title: isMain ? (input.title ?? null) : null,
          url: isMain ? (input.url ?? null) : null,
          publisher: input.publisher ?? null,
          publishedAt,
        });
        if (article.created) await this.hooks.articleCreated(manager, article.row);
        sources.push({
          documentId: doc.row.id,
          position,
          articleId: article.row.id,
          startOffset: segment.start,
          endOffset: segment.end,
        });
      }
      await this.repository.insertSources(manager, sources);
      await this.audit.record(manager, {
        action: 'document.ingest',
        targetType: 'document',
        targetId: doc.row.id,
        after: {
          sha256: doc.row.sha256,
          source: input.source,
          filename: input.filename ?? null,
          articles: sources.map((s) => s.articleId),
        },
      });
      return { document: doc.row, created: true };
    });
    const articles = await this.repository.findArticlesOfDocument(document.id);
    const ids = articles.map((a) => a.id);
    const [sources, quotes] = await Promise.all([
      this.repository.findSources(ids),
      this.hooks.quotesOf(ids),
    ]);
    return {
      document: { id: document.id, sha256: document.sha256, created },
      articles: articles.map((a) => toArticleDto(a, sources, quotes.get(a.id))),
    };
  }

  // POST /extract: the ingest pipeline without storing anything; offsets are into `body`.
  preview(body: string, publishedAt: string | null): ExtractPreviewDto {
    const problem = articleTextProblem(body);
    if (problem) throw new ArticlesError(ArticlesErrorCode.InvalidText, problem, { field: 'body' });
    return {
      engineVersion: ENGINE_VERSION,
      articles: segmentDocument(body).map((segment) => {
        const result = extract(segment.text, { publishedAt });
        return {
          kind: segment.kind,
          kicker: segment.kicker,
          truncated: segment.truncated,
          start: segment.start,
          end: segment.end,
          quotes: result.quotes.map((q) => ({
            ...q,
            start: q.start + segment.start,
            end: q.end + segment.start,
          })),
          people: result.people,
        };
      }),
    };
  }

  async get(id: string): Promise<ArticleDto> {
    const article = await this.repository.findById(id);
    if (!article)
      throw new ArticlesError(ArticlesErrorCode.NotFound, `No article with id ${id}`, { id });
    const [sources, quotes] = await Promise.all([
      this.repository.findSources([id]),
      this.hooks.quotesOf([id]),
    ]);
    return toArticleDto(article, sources, quotes.get(id));
  }

  async list(limit: number, cursor?: string): Promise<Page<ArticleSummaryDto>> {
    const parts = decodeCursor(cursor, ['integer'] as const);
    const rows = await this.repository.page(limit + 1, parts ? parts[0] : null);
    const items = rows.slice(0, limit);
    const nextCursor = rows.length > limit ? encodeCursor([items[items.length - 1].seq]) : null;
    return { items: items.map(toSummaryDto), nextCursor };
  }

  // Article facts other libs show next to quotes (title, date, where it came from).
  async refs(ids: string[]): Promise<Map<string, ArticleDto>> {
    const unique = [...new Set(ids)];
    const [articles, sources] = await Promise.all([
      this.repository.findByIds(unique),
      this.repository.findSources(unique),
    ]);
    return new Map(articles.map((a) => [a.id, toArticleDto(a, sources)]));
  }

  findEntity(id: string): Promise<ArticleEntity | null> {
    return this.repository.findById(id);
  }

  allIds(): Promise<string[]> {
    return this.repository.allIds();
  }
}

function toSummaryDto(a: ArticleEntity): ArticleSummaryDto {
  return {
    id: a.id,
    kind: a.kind,
    kicker: a.kicker,
    truncated: a.truncated,
    title: a.title,
    lead: a.body.length > 200 ? `${a.body.slice(0, 199)}…` : a.body,
    url: a.url,
    publisher: a.publisher,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
  };
}

function toArticleDto(
  a: ArticleEntity,
  sources: SourceRow[],
  quotes: ArticleQuoteDto[] = [],
): ArticleDto {
  return {
    ...toSummaryDto(a),
    body: a.body,
    sources: sources
      .filter((s) => s.articleId === a.id)
      .map((s) => ({
        documentId: s.documentId,
        position: s.position,
        start: s.startOffset,
        end: s.endOffset,
        filename: s.filename,
      })),
    quotes,
  };
}
