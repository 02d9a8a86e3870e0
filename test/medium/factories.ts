import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { nameKey } from '@app/speakers';
import { quoteKey } from '@app/quotes';

// Small factories for medium tests: each inserts the least a row needs, with unique defaults,
// straight in SQL (the services under test are not used to set up their own input).
type Db = Pick<DataSource, 'query'>;

const unique = () => randomBytes(4).toString('hex');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export interface ArticleRow {
  id: string;
  documentId: string;
  body: string;
}

export async function newArticle(
  db: Db,
  over: { body?: string; publishedAt?: Date | null } = {},
): Promise<ArticleRow> {
  const body = over.body ?? `Article ${unique()}: "Words were said," a spokesman said.`;
  const publishedAt = over.publishedAt ?? null;
  const [doc] = await db.query(
    `INSERT INTO document (sha256, body, source, published_at) VALUES ($1, $2, 'api', $3) RETURNING id`,
    [sha256(body), body, publishedAt],
  );
  const [article] = await db.query(
    `INSERT INTO article (sha256, kind, truncated, body, published_at)
     VALUES ($1, 'article', false, $2, $3) RETURNING id`,
    [sha256(body), body, publishedAt],
  );
  await db.query(
    `INSERT INTO article_source (document_id, position, article_id, start_offset, end_offset)
     VALUES ($1, 0, $2, 0, $3)`,
    [doc.id, article.id, body.length],
  );
  return { id: article.id, documentId: doc.id, body };
}

export interface SpeakerRow {
  id: string;
  name: string;
}

// A speaker with its full name as an alias (and any extra aliases), as the resolver stores one.
export async function newSpeaker(
  db: Db,
  over: { name?: string; aliases?: string[]; nativeName?: string | null } = {},
): Promise<SpeakerRow> {
  const name = over.name ?? `Speaker ${unique()}`;
  const [row] = await db.query(
    `INSERT INTO speaker (name, name_key, native_name) VALUES ($1, $2, $3) RETURNING id`,
    [name, nameKey(name), over.nativeName ?? null],
  );
  const aliases = [
    { alias: name, kind: nameKey(name).includes(' ') ? 'name' : 'surname' },
    ...(over.aliases ?? []).map((alias) => ({ alias, kind: 'surname' })),
    ...(over.nativeName ? [{ alias: over.nativeName, kind: 'native' }] : []),
  ];
  for (const a of aliases)
    await db.query(
      `INSERT INTO speaker_alias (speaker_id, alias_key, alias, kind) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [row.id, nameKey(a.alias), a.alias, a.kind],
    );
  return { id: row.id, name };
}

export interface QuoteRow {
  id: string;
  text: string;
  speakerId: string | null;
  articleId: string;
}

// A quote with one occurrence: in `article` when given, else in a new article that contains it.
export async function newQuote(
  db: Db,
  over: { speakerId?: string | null; text?: string; article?: ArticleRow; seenAt?: Date } = {},
): Promise<QuoteRow> {
  const text = over.text ?? `Quote ${unique()} about the harbour bridge`;
  const article =
    over.article ??
    (await newArticle(db, { body: `Report ${unique()}: "${text}," someone said.` }));
  const seenAt = over.seenAt ?? new Date('2024-01-15T00:00:00Z');
  const speakerId = over.speakerId ?? null;
  const [row] = await db.query(
    `INSERT INTO quote (speaker_id, text, text_key, first_seen, last_seen)
     VALUES ($1, $2, $3, $4, $4) RETURNING id`,
    [speakerId, text, quoteKey(text), seenAt],
  );
  const start = Math.max(0, article.body.indexOf(text));
  await db.query(
    `INSERT INTO quote_occurrence (quote_id, article_id, start_offset, end_offset, wording, rule,
       confidence, partial, unterminated, seen_at, engine_version)
     VALUES ($1, $2, $3, $4, $5, 'factory', 1, false, false, $6, 'factory')`,
    [row.id, article.id, start, start + text.length, text, seenAt],
  );
  return { id: row.id, text, speakerId, articleId: article.id };
}

export interface ClaimRow {
  id: string;
  text: string;
}

// A claim row as a reviewer would have made it (quote-backed when quoteId is given).
export async function newClaim(
  db: Db,
  over: { text?: string; quoteId?: string | null; speakerId?: string | null } = {},
): Promise<ClaimRow> {
  const text = over.text ?? `Claim ${unique()} that can be checked`;
  const [row] = await db.query(
    `INSERT INTO claim (quote_id, speaker_id, text, text_key, created_by)
     VALUES ($1, $2, $3, $4, 'factory') RETURNING id`,
    [over.quoteId ?? null, over.speakerId ?? null, text, quoteKey(text)],
  );
  if (over.quoteId)
    await db.query(
      `INSERT INTO claim_quote (claim_id, quote_id, relation, similarity) VALUES ($1, $2, 'source', 1)`,
      [row.id, over.quoteId],
    );
  return { id: row.id, text };
}

// Row counts of the ingest tables, for "nothing was stored" assertions.
export async function countRows(db: Db): Promise<Record<string, number>> {
  const [row] = await db.query(
    `SELECT (SELECT count(*) FROM document) AS documents, (SELECT count(*) FROM article) AS articles,
            (SELECT count(*) FROM article_source) AS sources, (SELECT count(*) FROM speaker) AS speakers,
            (SELECT count(*) FROM quote) AS quotes, (SELECT count(*) FROM quote_occurrence) AS occurrences,
            (SELECT count(*) FROM article_extraction) AS extractions, (SELECT count(*) FROM audit_log) AS audits`,
  );
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}
