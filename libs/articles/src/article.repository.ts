import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ArticleEntity } from './entities/article.entity';
import { ArticleSourceEntity } from './entities/article-source.entity';
import { DocumentEntity } from './entities/document.entity';

export type NewDocument = Omit<DocumentEntity, 'id' | 'createdAt'>;
export type NewArticle = Omit<ArticleEntity, 'id' | 'seq' | 'createdAt'>;
export interface SourceRow extends ArticleSourceEntity {
  filename: string | null;
}

// The only code that touches document, article and article_source.
@Injectable()
export class ArticleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findDocumentBySha(manager: EntityManager, sha256: string): Promise<DocumentEntity | null> {
    return manager.findOneBy(DocumentEntity, { sha256 });
  }

  // ON CONFLICT keeps concurrent posts of the same text from failing: the loser reads the winner's row.
  async insertDocument(
    manager: EntityManager,
    doc: NewDocument,
  ): Promise<{ row: DocumentEntity; created: boolean }> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(DocumentEntity)
      .values(doc)
      .orIgnore()
      .returning('*')
      .execute();
    const created = result.raw.length > 0;
    const row = await manager.findOneByOrFail(DocumentEntity, { sha256: doc.sha256 });
    return { row, created };
  }

  async upsertArticle(
    manager: EntityManager,
    article: NewArticle,
  ): Promise<{ row: ArticleEntity; created: boolean }> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ArticleEntity)
      .values(article)
      .orIgnore()
      .returning('id')
      .execute();
    const row = await manager.findOneByOrFail(ArticleEntity, { sha256: article.sha256 });
    return { row, created: result.raw.length > 0 };
  }

  async insertSources(manager: EntityManager, rows: ArticleSourceEntity[]): Promise<void> {
    if (rows.length > 0) await manager.insert(ArticleSourceEntity, rows);
  }

  findArticlesOfDocument(
    documentId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ArticleEntity[]> {
    return manager
      .createQueryBuilder(ArticleEntity, 'a')
      .innerJoin(ArticleSourceEntity, 's', 's.article_id = a.id')
      .where('s.document_id = :documentId', { documentId })
      .orderBy('s.position', 'ASC')
      .getMany();
  }

  findByIds(ids: string[]): Promise<ArticleEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(ArticleEntity, 'a')
      .where('a.id = ANY(:ids)', { ids })
      .getMany();
  }

  allIds(): Promise<string[]> {
    return this.dataSource.manager
      .query('SELECT id FROM article ORDER BY seq')
      .then((rows: { id: string }[]) => rows.map((r) => r.id));
  }

  findById(id: string): Promise<ArticleEntity | null> {
    return this.dataSource.manager.findOneBy(ArticleEntity, { id });
  }

  // Newest first; `beforeSeq` is the cursor.
  page(limit: number, beforeSeq: string | null): Promise<ArticleEntity[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(ArticleEntity, 'a')
      .orderBy('a.seq', 'DESC')
      .limit(limit);
    if (beforeSeq !== null) qb.where('a.seq < :beforeSeq', { beforeSeq });
    return qb.getMany();
  }

  async findSources(
    articleIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SourceRow[]> {
    if (articleIds.length === 0) return [];
    const rows: {
      document_id: string;
      position: number;
      article_id: string;
      start_offset: number;
      end_offset: number;
      filename: string | null;
    }[] = await manager.query(
      `SELECT s.document_id, s.position, s.article_id, s.start_offset, s.end_offset, d.filename
           FROM article_source s JOIN document d ON d.id = s.document_id
          WHERE s.article_id = ANY($1::uuid[])
          ORDER BY d.created_at, s.position`,
      [articleIds],
    );
    return rows.map((r) => ({
      documentId: r.document_id,
      position: r.position,
      articleId: r.article_id,
      startOffset: r.start_offset,
      endOffset: r.end_offset,
      filename: r.filename,
    }));
  }
}
