import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/auth';
import { etagVersion, EventBus } from '@app/common';
import { TransactionalAdapterTypeOrm, TransactionHost, WriteTransaction } from '@app/database';
import { ArticleFields, ArticleRepository } from './article.repository';
import { ArticlesError, ArticlesErrorCode } from './articles.errors';
import { ArticlesService } from './articles.service';
import { ArticleDto } from './dto/article-response.dto';
import { PatchArticleDto } from './dto/patch-article.dto';
import { ArticleEntity } from './entities/article.entity';

const FIELDS = ['title', 'url', 'publisher', 'publishedAt'] as const;

// PATCH /articles/:id: a reviewer fixes an article's metadata after ingest (the text itself is
// its identity and never changes). A new published date reaches the quotes through
// `article.dated`, inside the same transaction.
@Injectable()
export class ArticleEditor {
  constructor(
    readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly repository: ArticleRepository,
    private readonly articles: ArticlesService,
    private readonly events: EventBus,
    private readonly audit: AuditService,
  ) {}

  async update(id: string, patch: PatchArticleDto, ifMatch?: string): Promise<ArticleDto> {
    if (FIELDS.every((f) => patch[f] === undefined)) {
      throw new ArticlesError(
        ArticlesErrorCode.EmptyPatch,
        'Nothing to change: give title, url, publisher or publishedAt',
      );
    }
    await this.apply(id, patch, ifMatch);
    return this.articles.get(id);
  }

  @WriteTransaction()
  private async apply(id: string, patch: PatchArticleDto, ifMatch?: string): Promise<void> {
    const article = await this.repository.findForUpdate(id);
    if (!article)
      throw new ArticlesError(ArticlesErrorCode.NotFound, `No article with id ${id}`, { id });
    checkVersion(ifMatch, article.version);
    const changes = changedFields(article, patch);
    // Same values again: nothing to write, audit or announce.
    if (Object.keys(changes).length === 0) return;
    await this.repository.update(id, changes);
    if ('publishedAt' in changes) {
      await this.events.emit('article.dated', {
        articleId: id,
        publishedAt: changes.publishedAt ?? null,
        createdAt: article.createdAt,
      });
    }
    const before: Record<string, unknown> = { version: article.version };
    const after: Record<string, unknown> = { version: article.version + 1 };
    for (const key of Object.keys(changes) as (keyof ArticleFields)[]) {
      before[key] = plain(article[key]);
      after[key] = plain(changes[key]);
    }
    await this.audit.record({
      action: 'article.update',
      targetType: 'article',
      targetId: id,
      before,
      after,
    });
  }
}

function changedFields(article: ArticleEntity, patch: PatchArticleDto): Partial<ArticleFields> {
  const changes: Partial<ArticleFields> = {};
  for (const key of ['title', 'url', 'publisher'] as const) {
    const value = patch[key];
    if (value !== undefined && value !== article[key]) changes[key] = value;
  }
  if (patch.publishedAt !== undefined) {
    const date = patch.publishedAt === null ? null : new Date(patch.publishedAt);
    if (date?.getTime() !== article.publishedAt?.getTime()) changes.publishedAt = date;
  }
  return changes;
}

const plain = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));

// `If-Match: *` means "whatever the version"; no header means the same.
function checkVersion(ifMatch: string | undefined, version: number): void {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const given = etagVersion(ifMatch);
  if (given === null)
    throw new ArticlesError(
      ArticlesErrorCode.InvalidVersion,
      'If-Match must be the version ETag, e.g. "3", or *',
    );
  if (given !== version)
    throw new ArticlesError(
      ArticlesErrorCode.VersionMismatch,
      `Article changed since version ${given}; current version is ${version}`,
      { currentVersion: version },
    );
}
