// Exports are a read model: one statement per sheet over the views the other libs publish
// (quote_ref, quote_occurrence_ref, speaker_ref, article_ref, article_source_ref,
// claim_verdict_ref), filtered with the quotes lib's own quoteFilterConditions; it names no
// table and writes nothing. The views are plain, so the planner inlines them and plans the
// tables underneath as before. Two plans for the same columns:
// - small sheets: per-quote LATERAL lookups, cheap for a few thousand rows;
// - large sheets: whole-table hash joins and one sort, ~10x faster per row at a million rows,
//   given a larger work_mem for this transaction only.
// Either way rows come through a cursor in batches: constant memory in the API process, and one
// consistent snapshot (REPEATABLE READ) for the whole sheet. The CSV sheet skips the cursor and
// the JS rows altogether: Postgres writes the file (COPY, see csv-sheet.sql.ts).
// Sheets are read on a read replica when there are any (DATABASE_REPLICA_URLS): an export may
// lag the primary by the replication delay, which a download can afford.
export const COLUMNS = `q.id, q.text, q.attribution_status, s.name AS speaker, s.native_name,
  o.speaker_description, o.role, o.organization,
  a.title, left(a.lead, 100) AS lead, a.publisher, a.url,
  CASE WHEN q.dated THEN to_char(q.first_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD') END AS day,
  cl.status, cl.reviewer_name, to_char(cl.reviewed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS reviewed_at,
  cl.evidence, ap.appearances, ap.appeared_in`;

export const DOCUMENT_NAME = `COALESCE(src.filename, src.url, 'document ' || src.document_id::text)`;
// Inside the verdict subqueries, so it runs per verdict row, not per sheet row.
const EVIDENCE_URLS = `(SELECT string_agg(e->>'url', ' | ') FROM jsonb_array_elements(v.evidence) e) AS evidence`;

export const SMALL_FROM = `
  FROM quote_ref q
  LEFT JOIN speaker_ref s ON s.id = q.speaker_id
  LEFT JOIN LATERAL (SELECT * FROM quote_occurrence_ref o WHERE o.quote_id = q.id ORDER BY o.dated DESC, o.seen_at, o.start_offset LIMIT 1) o ON true
  LEFT JOIN article_ref a ON a.id = o.article_id
  LEFT JOIN LATERAL (
    SELECT count(DISTINCT x.id)::int AS appearances,
           string_agg(DISTINCT ${DOCUMENT_NAME}, '; ') AS appeared_in
      FROM quote_occurrence_ref x
      JOIN article_source_ref src ON src.article_id = x.article_id
     WHERE x.quote_id = q.id) ap ON true
  LEFT JOIN LATERAL (
    SELECT v.status, v.reviewer_name, v.review_created_at AS reviewed_at, ${EVIDENCE_URLS}
      FROM claim_verdict_ref v WHERE v.quote_id = q.id
     ORDER BY v.reviewed_at DESC NULLS LAST LIMIT 1) cl ON true`;

// One pass over occurrences (count, first occurrence, document names) and articles read once
// each: cutting a TOASTed body per quote row was the most expensive part (`OFFSET 0` keeps the
// article subquery from being flattened into the join).
export const LARGE_FROM = `
  FROM quote_ref q
  LEFT JOIN speaker_ref s ON s.id = q.speaker_id
  LEFT JOIN (
    -- One sort of the occurrences: the first row of each quote, with counts over its partition.
    SELECT DISTINCT ON (o.quote_id) o.quote_id, o.article_id, o.role, o.organization, o.speaker_description,
           (count(*) OVER w)::int AS appearances, string_agg(ad.names, '; ') OVER w AS appeared_in
      FROM quote_occurrence_ref o
      LEFT JOIN (
        SELECT src.article_id, string_agg(${DOCUMENT_NAME}, '; ') AS names
          FROM article_source_ref src GROUP BY src.article_id) ad ON ad.article_id = o.article_id
    WINDOW w AS (PARTITION BY o.quote_id)
     ORDER BY o.quote_id, o.dated DESC, o.seen_at, o.start_offset) o ON o.quote_id = q.id
  LEFT JOIN (SELECT id, title, left(lead, 100) AS lead, publisher, url, published_at FROM article_ref OFFSET 0) a ON a.id = o.article_id
  CROSS JOIN LATERAL (SELECT o.appearances, o.appeared_in) ap
  LEFT JOIN (
    SELECT DISTINCT ON (v.quote_id) v.quote_id, v.status, v.reviewer_name, v.review_created_at AS reviewed_at,
           ${EVIDENCE_URLS}
      FROM claim_verdict_ref v
     ORDER BY v.quote_id, v.reviewed_at DESC NULLS LAST) cl ON cl.quote_id = q.id`;
