import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/auth';
import { decodeCursor, encodeCursor, EventBus, Page } from '@app/common';
import { TransactionalAdapterTypeOrm, TransactionHost, WriteTransaction } from '@app/database';
import { ENGINE_VERSION, extract, segmentDocument } from '@app/extraction';
import { createHash } from 'node:crypto';
import { ArticleListFilter, ArticleRepository, SourceRow } from './article.repository';
import { articleTextProblem } from './article-text';
import { ArticlesError, ArticlesErrorCode } from './articles.errors';
import {
  ArticleDto,
  ArticleExtractionDto,
  ArticleQuoteDto,
  ArticleSummaryDto,
  IngestResponseDto,
} from './dto/article-response.dto';
import { ArticleEntity } from './entities/article.entity';
import type { DocumentEntity, DocumentSource } from './entities/document.entity';
import { ARTICLE_QUOTES, ArticleQuotesPort } from './article-quotes.port';
import { ExtractPreviewDto } from './dto/extract-preview.dto';
import { ArticleListQuery } from './dto/article-query.dto';
import { BatchItemResult, batchError } from './article-batch';

export interface IngestInput {
  body: string;
  title?: string | null;
  url?: string | null;
  publisher?: string | null;
  publishedAt?: string | null;
  source: DocumentSource;
  filename?: string | null;
}

interface Stored {
  document: DocumentEntity;
  created: boolean;
  // Articles a queue worker will extract (deferred ingest only).
  pending: string[];
  // The document's articles, in position order, each once.
  articleIds: string[];
  // The same, as stored, when this call stored the document.
  articles?: ArticleEntity[];
  // The sources of those articles, when this call created every one of them (so no other
  // document is a source of any): the answer need not read them back.
  sources?: SourceRow[];
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

@Injectable()
export class ArticlesService {
  constructor(
    readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly repository: ArticleRepository,
    private readonly events: EventBus,
    private readonly audit: AuditService,
    @Inject(ARTICLE_QUOTES) private readonly quotes: ArticleQuotesPort,
  ) {}

  // Checks the text, stores it (one transaction), then reads back what was stored. `deferred`:
  // the document and its articles are stored now and a queue worker extracts their quotes.
  async ingest(input: IngestInput, deferred = false): Promise<IngestResponseDto> {
    const problem = articleTextProblem(input.body);
    if (problem) throw new ArticlesError(ArticlesErrorCode.InvalidText, problem, { field: 'body' });
    const {
      document,
      created,
      pending,
      articles: stored,
      sources: known,
    } = await this.store(input, deferred);
    // Enqueued after the commit; were this process to die in between, the pending rows stay and
    // the next start hands them to the queue again (ReextractService.extractMissing).
    if (pending.length) await this.quotes.extractLater(pending);
    const articles = stored ?? (await this.repository.findArticlesOfDocument(document.id));
    const ids = articles.map((a) => a.id);
    const [sources, { quotes, extraction }] = await Promise.all([
      known ?? this.repository.findSources(ids),
      this.quotes.quotesOf(ids),
    ]);
    return {
      document: { id: document.id, sha256: document.sha256, created },
      // Content addressing: the same text is the same document, so a re-post changes nothing,
      // its title and date included. Say so, and say where metadata is edited.
      note: created
        ? null
        : `This text was ingested before; nothing was changed, not even title, url, publisher or date. To change them: PATCH /api/v1/articles/${articles[0]?.id ?? '{id}'}`,
      articles: articles.map((a) =>
        toArticleDto(a, sources, quotes.get(a.id), extraction.get(a.id)),
      ),
    };
  }

  // Many documents, BATCH_SIZE-sized calls from the bulk importers: one transaction for all of
  // them (the commit is most of a small document's cost). If that transaction fails for
  // something other than a retryable conflict, each document is tried alone so one bad document
  // fails only itself. Results are in input order.
  async ingestBatch(inputs: IngestInput[]): Promise<BatchItemResult[]> {
    const results: BatchItemResult[] = new Array(inputs.length);
    const valid: number[] = [];
    inputs.forEach((input, i) => {
      const problem = articleTextProblem(input.body);
      if (problem)
        results[i] = batchError(
          new ArticlesError(ArticlesErrorCode.InvalidText, problem, { field: 'body' }),
        );
      else valid.push(i);
    });
    try {
      const stored = await this.storeAll(valid.map((i) => inputs[i]));
      valid.forEach((i, k) => (results[i] = stored[k]));
    } catch (e) {
      if (valid.length === 1) results[valid[0]] = batchError(e);
      else
        for (const i of valid)
          results[i] = await this.storeAll([inputs[i]]).then((r) => r[0], batchError);
    }
    return results;
  }

  // Which of these content hashes are stored: the bulk import skips them before extracting.
  storedDocuments(hashes: string[]): Promise<Set<string>> {
    return this.repository.findDocumentHashes(hashes);
  }

  static contentHash(body: string): string {
    return sha256(body);
  }

  private async storeAll(inputs: IngestInput[]): Promise<BatchItemResult[]> {
    return (await this.storeMany(inputs, false)).map(({ document, created, articleIds }) => ({
      status: created ? 201 : 200,
      document: { id: document.id, sha256: document.sha256, created },
      articles: articleIds,
    }));
  }

  private async store(input: IngestInput, deferred: boolean): Promise<Stored> {
    return (await this.storeMany([input], deferred))[0];
  }

  // The documents, their articles, their sources and whatever `articles.created` handlers add
  // (quotes, speakers, claim matches) land together or not at all: one transaction, and a
  // handful of set-based statements for the whole batch (documents, articles, sources, audit
  // rows; one `articles.created` for all new articles, so the quotes lib stores all their
  // quotes at once). Locks are taken in one global order: documents, then articles, each by
  // hash, then what the handlers take.
  @WriteTransaction()
  private async storeMany(inputs: IngestInput[], deferred: boolean): Promise<Stored[]> {
    const docs = inputs.map((input) => ({
      sha256: sha256(input.body),
      body: input.body,
      source: input.source,
      filename: input.filename ?? null,
      title: input.title ?? null,
      url: input.url ?? null,
      publisher: input.publisher ?? null,
      publishedAt: input.publishedAt ? new Date(input.publishedAt) : null,
    }));
    const stored = await this.repository.insertDocuments(docs);
    // The same text twice in one batch: the first is created, the second finds it (as if posted
    // one after the other).
    const seen = new Set<string>();
    const fresh = docs.map((d) => {
      const isNew = stored.created.has(d.sha256) && !seen.has(d.sha256);
      seen.add(d.sha256);
      return isNew;
    });
    const segmented = docs.map((d, i) =>
      fresh[i]
        ? segmentDocument(d.body).map((segment, position) => ({
            segment,
            position,
            hash: sha256(segment.text),
          }))
        : [],
    );
    const documentOf = (i: number) => stored.rows.get(docs[i].sha256) as DocumentEntity;
    const articles = await this.repository.upsertArticles(
      segmented.flatMap((segments, i) =>
        segments.map(({ segment, hash }) => {
          const isMain = segment.kind === 'article';
          return {
            sha256: hash,
            kind: segment.kind,
            kicker: segment.kicker,
            truncated: segment.truncated,
            body: segment.text,
            title: isMain ? docs[i].title : null,
            url: isMain ? docs[i].url : null,
            publisher: docs[i].publisher,
            publishedAt: docs[i].publishedAt,
          };
        }),
      ),
      segmented.flatMap((segments, i) =>
        segments.map(({ segment, position, hash }) => ({
          documentId: documentOf(i).id,
          position,
          sha256: hash,
          startOffset: segment.start,
          endOffset: segment.end,
        })),
      ),
    );
    const articleOf = (hash: string) => articles.rows.get(hash) as ArticleEntity;
    // New articles in document order, then position; each once.
    const created: ArticleEntity[] = [];
    const announced = new Set<string>();
    for (const segments of segmented)
      for (const { hash } of segments)
        if (articles.created.has(hash) && !announced.has(hash)) {
          announced.add(hash);
          created.push(articleOf(hash));
        }
    if (created.length) await this.events.emit('articles.created', { articles: created, deferred });
    const sources = segmented.flatMap((segments, i) =>
      segments.map(({ segment, position, hash }) => ({
        documentId: documentOf(i).id,
        position,
        articleId: articleOf(hash).id,
        startOffset: segment.start,
        endOffset: segment.end,
        hash,
      })),
    );
    // Sources of the articles just created went in with them; those of articles stored before
    // (a teaser shared with an earlier document) go in now.
    await this.repository.insertSources(
      sources
        .filter(({ hash }) => !articles.created.has(hash))
        .map(({ documentId, position, articleId, startOffset, endOffset }) => ({
          documentId,
          position,
          articleId,
          startOffset,
          endOffset,
        })),
    );
    await this.audit.recordMany(
      docs.flatMap((d, i) =>
        fresh[i]
          ? [
              {
                action: 'document.ingest',
                targetType: 'document',
                targetId: documentOf(i).id,
                after: {
                  sha256: d.sha256,
                  source: d.source,
                  filename: d.filename,
                  articles: sources
                    .filter((s) => s.documentId === documentOf(i).id)
                    .map((s) => s.articleId),
                },
              },
            ]
          : [],
      ),
    );
    // Sources of this batch only; in the order findSources reads them (documents of one
    // transaction share created_at, then position).
    const sourcesIfAllNew = (i: number): SourceRow[] | undefined => {
      if (!segmented[i].every(({ hash }) => articles.created.has(hash))) return undefined;
      const mine = new Set(segmented[i].map(({ hash }) => articleOf(hash).id));
      return sources
        .map((s, k) => ({ s, k }))
        .filter(({ s }) => mine.has(s.articleId))
        .sort((a, b) => a.s.position - b.s.position || a.k - b.k)
        .map(({ s }) => ({
          documentId: s.documentId,
          position: s.position,
          articleId: s.articleId,
          startOffset: s.startOffset,
          endOffset: s.endOffset,
          filename: filenameOf(s.documentId),
        }));
    };
    const filenames = new Map(docs.map((_, i) => [documentOf(i).id, documentOf(i).filename]));
    const filenameOf = (documentId: string) => filenames.get(documentId) ?? null;
    const known = await this.repository.articleIdsOfDocuments(
      docs.flatMap((_, i) => (fresh[i] ? [] : [documentOf(i).id])),
    );
    return docs.map((d, i) => ({
      document: documentOf(i),
      created: fresh[i],
      pending: deferred
        ? [...new Set(segmented[i].map(({ hash }) => hash))]
            .filter((h) => articles.created.has(h))
            .map((h) => articleOf(h).id)
        : [],
      articleIds: fresh[i]
        ? [...new Set(segmented[i].map(({ hash }) => articleOf(hash).id))]
        : (known.get(documentOf(i).id) ?? []),
      articles: fresh[i]
        ? [...new Set(segmented[i].map(({ hash }) => articleOf(hash)))]
        : undefined,
      sources: fresh[i] ? sourcesIfAllNew(i) : undefined,
    }));
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
    const [sources, { quotes, extraction }] = await Promise.all([
      this.repository.findSources([id]),
      this.quotes.quotesOf([id]),
    ]);
    return toArticleDto(article, sources, quotes.get(id), extraction.get(id));
  }

  async list(query: ArticleListQuery): Promise<Page<ArticleSummaryDto>> {
    const { limit, cursor } = query;
    const parts = decodeCursor(cursor, ['integer'] as const);
    const rows = await this.repository.page(
      limit + 1,
      parts ? String(parts[0]) : null,
      listFilter(query),
    );
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

  // The articles that exist of these, in seq (ingest) order.
  async findEntities(ids: string[]): Promise<ArticleEntity[]> {
    const rows = await this.repository.findByIds(ids);
    return rows.sort((a, b) => Number(a.seq) - Number(b.seq));
  }

  findEntity(id: string): Promise<ArticleEntity | null> {
    return this.repository.findById(id);
  }

  allIds(): Promise<string[]> {
    return this.repository.allIds();
  }
}

// A date range asks for known dates: undated articles are left out unless `undated=include`.
function listFilter(query: ArticleListQuery): ArticleListFilter {
  const ranged = query.from !== undefined || query.to !== undefined;
  if (ranged && query.undated === 'only') {
    throw new ArticlesError(
      ArticlesErrorCode.InvalidFilter,
      'undated=only cannot be combined with from/to',
      { field: 'undated' },
    );
  }
  return {
    publisher: query.publisher,
    q: query.q,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? endOfDayIfDate(query.to) : undefined,
    undated: query.undated ?? (ranged ? 'exclude' : 'include'),
  };
}

// `to=2010-05-31` means the whole of that day.
function endOfDayIfDate(value: string): Date {
  const d = new Date(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) d.setUTCHours(23, 59, 59, 999);
  return d;
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
    dated: a.publishedAt !== null,
    createdAt: a.createdAt.toISOString(),
    version: a.version,
  };
}

function toArticleDto(
  a: ArticleEntity,
  sources: SourceRow[],
  quotes: ArticleQuoteDto[] = [],
  extraction?: ArticleExtractionDto,
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
    ...(extraction ? { extraction } : {}),
  };
}
