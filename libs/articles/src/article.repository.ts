import { Injectable } from '@nestjs/common';
import { prepared, TxRepository } from '@app/database';
import { ArticleEntity } from './entities/article.entity';
import { ArticleSourceEntity } from './entities/article-source.entity';
import { DocumentEntity } from './entities/document.entity';

export type NewDocument = Omit<DocumentEntity, 'id' | 'createdAt'>;
export type NewArticle = Omit<ArticleEntity, 'id' | 'seq' | 'createdAt' | 'version'>;
// A source whose article is named by its text's hash (its id is not known before the upsert).
export type NewSource = Omit<ArticleSourceEntity, 'articleId'> & { sha256: string };
export type ArticleFields = Pick<ArticleEntity, 'title' | 'url' | 'publisher' | 'publishedAt'>;

export interface ArticleListFilter {
  publisher?: string;
  from?: Date;
  to?: Date;
  undated?: 'include' | 'exclude' | 'only';
  q?: string;
}
export interface SourceRow extends ArticleSourceEntity {
  filename: string | null;
}

// Columns as entity properties, for rows read with raw SQL.
const DOCUMENT_COLUMNS = `id, sha256, body, source, filename, title, url, publisher,
  published_at AS "publishedAt", created_at AS "createdAt"`;
const ARTICLE_COLUMNS = `id, seq, sha256, kind, kicker, truncated, body, title, url, publisher,
  published_at AS "publishedAt", version, created_at AS "createdAt"`;

// The only code that names document, article and article_source. Other libs read the
// article_ref and article_source_ref views (migration PublishReadModels): change them with
// these tables, in a new migration. test/boundaries checks that no other lib names the tables.
@Injectable()
export class ArticleRepository extends TxRepository {
  // ON CONFLICT keeps concurrent posts of the same text from failing: the loser reads the winner's row.
  async insertDocument(doc: NewDocument): Promise<{ row: DocumentEntity; created: boolean }> {
    const result = await this.db
      .createQueryBuilder()
      .insert()
      .into(DocumentEntity)
      .values(doc)
      .orIgnore()
      .returning('*')
      .execute();
    const created = result.raw.length > 0;
    const row = await this.db.findOneByOrFail(DocumentEntity, { sha256: doc.sha256 });
    return { row, created };
  }

  // The documents of a batch in one statement (each text once, in hash order: the order their
  // keys are locked in), then read back. `created`: the hashes this statement inserted; a
  // concurrent post of the same text waits for it, then finds it stored.
  async insertDocuments(
    docs: NewDocument[],
  ): Promise<{ rows: Map<string, DocumentEntity>; created: Set<string> }> {
    const unique = [...new Map(docs.map((d) => [d.sha256, d])).values()].sort((a, b) =>
      cmp(a.sha256, b.sha256),
    );
    if (!unique.length) return { rows: new Map(), created: new Set() };
    const col = <K extends keyof NewDocument>(k: K) => unique.map((d) => d[k]);
    const inserted: DocumentEntity[] = await this.db.query(
      prepared(`INSERT INTO document (sha256, body, source, filename, title, url, publisher, published_at)
       SELECT sha256, body, source, filename, title, url, publisher, published_at
         FROM unnest($1::char(64)[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
              WITH ORDINALITY AS v(sha256, body, source, filename, title, url, publisher, published_at, n)
        ORDER BY n
       ON CONFLICT (sha256) DO NOTHING RETURNING ${DOCUMENT_COLUMNS}`),
      [
        col('sha256'),
        col('body'),
        col('source'),
        col('filename'),
        col('title'),
        col('url'),
        col('publisher'),
        col('publishedAt'),
      ],
    );
    // Read back only the texts that were stored before (none, usually).
    const created = new Set(inserted.map((r) => r.sha256));
    const before = col('sha256').filter((h) => !created.has(h));
    const rows: DocumentEntity[] = before.length
      ? [
          ...inserted,
          ...(await this.db.query(
            `SELECT ${DOCUMENT_COLUMNS} FROM document WHERE sha256 = ANY($1::char(64)[])`,
            [before],
          )),
        ]
      : inserted;
    return {
      rows: new Map(rows.map((r) => [r.sha256, r])),
      created,
    };
  }

  // Articles likewise: each text once, in hash order (a teaser shared by two documents posted at
  // once is waited on in the same order by both), then read back. The same statement stores the
  // `sources` of the articles it creates (a round trip less per ingest); sources of articles
  // stored before are left to insertSources.
  async upsertArticles(
    articles: NewArticle[],
    sources: NewSource[] = [],
  ): Promise<{ rows: Map<string, ArticleEntity>; created: Set<string> }> {
    const unique = [...new Map(articles.map((a) => [a.sha256, a])).values()].sort((a, b) =>
      cmp(a.sha256, b.sha256),
    );
    if (!unique.length) return { rows: new Map(), created: new Set() };
    const col = <K extends keyof NewArticle>(k: K) => unique.map((a) => a[k]);
    const src = <K extends keyof NewSource>(k: K) => sources.map((r) => r[k]);
    const inserted: ArticleEntity[] = await this.db.query(
      prepared(`WITH a AS (
         INSERT INTO article (sha256, kind, kicker, truncated, body, title, url, publisher, published_at)
         SELECT sha256, kind, kicker, truncated, body, title, url, publisher, published_at
           FROM unnest($1::char(64)[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
                WITH ORDINALITY AS v(sha256, kind, kicker, truncated, body, title, url, publisher, published_at, n)
          ORDER BY n
         ON CONFLICT (sha256) DO NOTHING RETURNING ${ARTICLE_COLUMNS}
       ), s AS (
         INSERT INTO article_source (document_id, position, article_id, start_offset, end_offset)
         SELECT s.document_id, s.position, a.id, s.start_offset, s.end_offset
           FROM unnest($10::uuid[], $11::int[], $12::char(64)[], $13::int[], $14::int[])
                AS s(document_id, position, sha256, start_offset, end_offset)
           JOIN a ON a.sha256 = s.sha256
       )
       SELECT * FROM a`),
      [
        col('sha256'),
        col('kind'),
        col('kicker'),
        col('truncated'),
        col('body'),
        col('title'),
        col('url'),
        col('publisher'),
        col('publishedAt'),
        src('documentId'),
        src('position'),
        src('sha256'),
        src('startOffset'),
        src('endOffset'),
      ],
    );
    const created = new Set(inserted.map((r) => r.sha256));
    const before = col('sha256').filter((h) => !created.has(h));
    const rows: ArticleEntity[] = before.length
      ? [
          ...inserted,
          ...(await this.db.query(
            `SELECT ${ARTICLE_COLUMNS} FROM article WHERE sha256 = ANY($1::char(64)[])`,
            [before],
          )),
        ]
      : inserted;
    return {
      rows: new Map(rows.map((r) => [r.sha256, r])),
      created,
    };
  }

  // document id → its article ids, in position order (each once).
  async articleIdsOfDocuments(documentIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!documentIds.length) return out;
    const rows: { document_id: string; article_id: string }[] = await this.db.query(
      `SELECT document_id, article_id FROM article_source WHERE document_id = ANY($1::uuid[])
        ORDER BY document_id, position`,
      [documentIds],
    );
    for (const r of rows) {
      const list = out.get(r.document_id) ?? [];
      if (!list.includes(r.article_id)) list.push(r.article_id);
      out.set(r.document_id, list);
    }
    return out;
  }

  async findDocumentHashes(hashes: string[]): Promise<Set<string>> {
    if (hashes.length === 0) return new Set();
    const rows: { sha256: string }[] = await this.db.query(
      'SELECT sha256 FROM document WHERE sha256 = ANY($1::char(64)[])',
      [hashes],
    );
    return new Set(rows.map((r) => r.sha256));
  }

  async upsertArticle(article: NewArticle): Promise<{ row: ArticleEntity; created: boolean }> {
    const result = await this.db
      .createQueryBuilder()
      .insert()
      .into(ArticleEntity)
      .values(article)
      .orIgnore()
      .returning('id')
      .execute();
    const row = await this.db.findOneByOrFail(ArticleEntity, { sha256: article.sha256 });
    return { row, created: result.raw.length > 0 };
  }

  async insertSources(rows: ArticleSourceEntity[]): Promise<void> {
    if (!rows.length) return;
    const col = <K extends keyof ArticleSourceEntity>(k: K) => rows.map((r) => r[k]);
    await this.db.query(
      `INSERT INTO article_source (document_id, position, article_id, start_offset, end_offset)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::int[], $5::int[])`,
      [col('documentId'), col('position'), col('articleId'), col('startOffset'), col('endOffset')],
    );
  }

  findArticlesOfDocument(documentId: string): Promise<ArticleEntity[]> {
    return this.db
      .createQueryBuilder(ArticleEntity, 'a')
      .innerJoin(ArticleSourceEntity, 's', 's.article_id = a.id')
      .where('s.document_id = :documentId', { documentId })
      .orderBy('s.position', 'ASC')
      .getMany();
  }

  findByIds(ids: string[]): Promise<ArticleEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db
      .createQueryBuilder(ArticleEntity, 'a')
      .where('a.id = ANY(:ids)', { ids })
      .getMany();
  }

  allIds(): Promise<string[]> {
    return this.db
      .query('SELECT id FROM article ORDER BY seq')
      .then((rows: { id: string }[]) => rows.map((r) => r.id));
  }

  findById(id: string): Promise<ArticleEntity | null> {
    return this.db.findOneBy(ArticleEntity, { id });
  }

  // The article, locked until the transaction ends: concurrent edits queue behind it.
  findForUpdate(id: string): Promise<ArticleEntity | null> {
    return this.db
      .createQueryBuilder(ArticleEntity, 'a')
      .setLock('pessimistic_write')
      .where('a.id = :id', { id })
      .getOne();
  }

  async update(id: string, fields: Partial<ArticleFields>): Promise<void> {
    await this.db
      .createQueryBuilder()
      .update(ArticleEntity)
      .set({ ...fields, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  // Newest first (insertion order, whatever the filters); `beforeSeq` is the cursor. A date
  // range leaves undated articles out unless `undated` is `include`.
  page(
    limit: number,
    beforeSeq: string | null,
    f: ArticleListFilter = {},
  ): Promise<ArticleEntity[]> {
    const qb = this.db.createQueryBuilder(ArticleEntity, 'a').orderBy('a.seq', 'DESC').limit(limit);
    if (beforeSeq !== null) qb.andWhere('a.seq < :beforeSeq', { beforeSeq });
    if (f.publisher)
      qb.andWhere('lower(a.publisher) = lower(:publisher)', { publisher: f.publisher });
    if (f.q) qb.andWhere(`a.search @@ websearch_to_tsquery('english', :q)`, { q: f.q });
    const range: string[] = [];
    if (f.from) range.push('a.published_at >= :from');
    if (f.to) range.push('a.published_at <= :to');
    const dated = range.length ? range.join(' AND ') : 'a.published_at IS NOT NULL';
    if (f.undated === 'only') qb.andWhere('a.published_at IS NULL');
    else if (f.undated === 'include' && range.length)
      qb.andWhere(`(a.published_at IS NULL OR (${dated}))`, { from: f.from, to: f.to });
    else if (f.undated === 'exclude' || range.length)
      qb.andWhere(dated, { from: f.from, to: f.to });
    return qb.getMany();
  }

  async findSources(articleIds: string[]): Promise<SourceRow[]> {
    if (articleIds.length === 0) return [];
    const rows: {
      document_id: string;
      position: number;
      article_id: string;
      start_offset: number;
      end_offset: number;
      filename: string | null;
    }[] = await this.db.query(
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

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
