import { Injectable } from '@nestjs/common';
import { prepared, TxRepository } from '@app/database';
import { SpeakerAffiliationEntity } from './entities/speaker-affiliation.entity';
import { AliasKind, SpeakerAliasEntity } from './entities/speaker-alias.entity';
import { SpeakerEntity, SpeakerKind } from './entities/speaker.entity';
import { nameKey as nameKeyOf } from './name-key';

export interface SpeakerHit {
  id: string;
  name: string;
  nativeName: string | null;
  matched: string;
  similarity: number;
  role: string | null;
  organization: string | null;
  kind: SpeakerKind;
}

export type NewAlias = Pick<SpeakerAliasEntity, 'speakerId' | 'alias' | 'aliasKey' | 'kind'>;

export interface NewAffiliation {
  speakerId: string;
  role: string | null;
  organization: string | null;
  affiliationKey: string;
  seenAt: Date;
  articleId: string;
}

// The only code that names speaker, speaker_alias and speaker_affiliation. Other libs read the
// speaker_ref view (migration PublishReadModels). test/boundaries checks that no other lib
// names the tables.
@Injectable()
export class SpeakerRepository extends TxRepository {
  // Serialises registry writes for these names across concurrent ingests. The locks are taken in
  // the order of their lock ids (not of the names: two names can share a hash), so two ingests
  // that share names never wait on each other in a cycle. The outer aggregate reads the sorted
  // subquery row by row, so each lock is taken in that order.
  async lockNames(keys: string[]): Promise<void> {
    if (!keys.length) return;
    await this.db.query(
      prepared(`SELECT count(pg_advisory_xact_lock(h)) FROM (
         SELECT DISTINCT hashtext('speaker:' || k)::bigint AS h FROM unnest($1::text[]) k ORDER BY h
       ) ids`),
      [keys],
    );
  }

  // Locks the speakers that still exist against a concurrent merge deleting them (FOR KEY SHARE
  // lets other ingests and updates through), in id order; returns those that exist.
  async lockForKeyShare(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: { id: string }[] = await this.db.query(
      prepared(`SELECT id FROM speaker WHERE id = ANY($1::uuid[]) ORDER BY id FOR KEY SHARE`),
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  // Speakers for a merge, locked in id order so crossed merges queue instead of deadlocking;
  // returns those that still exist once the lock is granted.
  async lockForMerge(ids: string[]): Promise<SpeakerEntity[]> {
    return this.db
      .createQueryBuilder(SpeakerEntity, 's')
      .setLock('pessimistic_write')
      .where('s.id = ANY(:ids)', { ids })
      .orderBy('s.id', 'ASC')
      .getMany();
  }

  // Distinct speakers that carry this alias key, optionally of some kinds only.
  async findIdsByAlias(aliasKey: string, kinds?: AliasKind[]): Promise<string[]> {
    const rows: { speaker_id: string }[] = await this.db.query(
      `SELECT DISTINCT speaker_id FROM speaker_alias WHERE alias_key = $1 AND ($2::text[] IS NULL OR kind = ANY($2))`,
      [aliasKey, kinds ?? null],
    );
    return rows.map((r) => r.speaker_id);
  }

  async create(
    speaker: Pick<SpeakerEntity, 'name' | 'nameKey' | 'nativeName'> & { kind?: SpeakerKind },
  ): Promise<string> {
    const result = await this.db.insert(SpeakerEntity, speaker);
    return result.identifiers[0].id as string;
  }

  // A reviewer's edit; the version moves by one whatever changed.
  async update(
    id: string,
    change: Partial<Pick<SpeakerEntity, 'name' | 'nameKey' | 'nativeName' | 'kind'>>,
  ): Promise<void> {
    await this.db.update(SpeakerEntity, { id }, { ...change, version: () => 'version + 1' });
  }

  findForUpdate(id: string): Promise<SpeakerEntity | null> {
    return this.db
      .createQueryBuilder(SpeakerEntity, 's')
      .setLock('pessimistic_write')
      .where('s.id = :id', { id })
      .getOne();
  }

  async delete(id: string): Promise<void> {
    await this.db.query(`DELETE FROM speaker WHERE id = $1`, [id]);
  }

  // Where a merged speaker went (chains are collapsed when they form).
  async redirectOf(id: string): Promise<string | null> {
    const rows: { into_id: string }[] = await this.db.query(
      `SELECT into_id FROM speaker_redirect WHERE from_id = $1`,
      [id],
    );
    return rows[0]?.into_id ?? null;
  }

  // The aliases a reviewer manages: all but the name itself and the native-script name.
  async replaceAliases(
    speakerId: string,
    keep: { name: string; nameKey: string; nativeName: string | null },
    aliases: { alias: string; aliasKey: string; kind: AliasKind }[],
  ): Promise<void> {
    await this.db.query(`DELETE FROM speaker_alias WHERE speaker_id = $1`, [speakerId]);
    const rows: Omit<NewAlias, 'speakerId'>[] = [
      {
        alias: keep.name,
        aliasKey: keep.nameKey,
        kind: keep.nameKey.includes(' ') ? 'name' : 'surname',
      },
      ...(keep.nativeName
        ? [
            {
              alias: keep.nativeName,
              aliasKey: nameKeyOf(keep.nativeName),
              kind: 'native' as const,
            },
          ]
        : []),
      ...aliases,
    ];
    await this.addAliases(rows.map((r) => ({ ...r, speakerId })));
  }

  async addAffiliation(a: {
    speakerId: string;
    role: string | null;
    organization: string | null;
    affiliationKey: string;
    from: Date;
    to: Date;
    editedBy: string;
  }): Promise<string> {
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO speaker_affiliation (speaker_id, role, organization, affiliation_key, first_seen, last_seen, article_ids, edited_by)
       VALUES ($1, $2, $3, $4, $5, $6, '{}', $7) RETURNING id`,
      [a.speakerId, a.role, a.organization, a.affiliationKey, a.from, a.to, a.editedBy],
    );
    return row.id;
  }

  findAffiliation(speakerId: string, id: string): Promise<SpeakerAffiliationEntity | null> {
    return this.db.findOneBy(SpeakerAffiliationEntity, { id, speakerId });
  }

  async updateAffiliation(
    id: string,
    change: Pick<
      SpeakerAffiliationEntity,
      'role' | 'organization' | 'affiliationKey' | 'firstSeen' | 'lastSeen' | 'editedBy'
    >,
  ): Promise<void> {
    await this.db.update(SpeakerAffiliationEntity, { id }, change);
  }

  async deleteAffiliation(id: string): Promise<void> {
    await this.db.delete(SpeakerAffiliationEntity, { id });
  }

  // Speakers by name (or newest first), keyset paged.
  list(
    sort: 'name' | 'newest',
    limit: number,
    after: { key: string; id: string } | null,
  ): Promise<SpeakerEntity[]> {
    const qb = this.db.createQueryBuilder(SpeakerEntity, 's').limit(limit);
    if (sort === 'name') {
      qb.orderBy('s.name', 'ASC').addOrderBy('s.id', 'ASC');
      if (after) qb.where('(s.name, s.id) > (:key, :id)', after);
    } else {
      qb.orderBy('s.created_at', 'DESC').addOrderBy('s.id', 'DESC');
      if (after) qb.where('(s.created_at, s.id) < (:key::timestamptz, :id)', after);
    }
    return qb.getMany();
  }

  // What resolving a batch writes, in one statement: its new speakers, their aliases, native
  // names speakers lacked, and affiliations (merged per speaker and key: one statement cannot
  // update a row twice). Each part is sorted by its key, the order its rows are locked in; the
  // foreign keys of aliases and affiliations on new speakers are checked at the end of the
  // statement. A native name is set only on an existing speaker (new ones have theirs).
  async writeRegistry(w: {
    speakers: (Pick<SpeakerEntity, 'id' | 'name' | 'nameKey' | 'nativeName'> & {
      kind?: SpeakerKind;
    })[];
    aliases: NewAlias[];
    nativeNames: { id: string; nativeName: string }[];
    affiliations: NewAffiliation[];
  }): Promise<void> {
    const aliases = w.aliases.filter((a) => a.aliasKey.length > 0);
    const affiliations = mergeAffiliations(w.affiliations);
    if (!w.speakers.length && !aliases.length && !w.nativeNames.length && !affiliations.length)
      return;
    await this.db.query(
      prepared(`WITH speakers AS (
         INSERT INTO speaker (id, name, name_key, native_name, kind)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])
       ), aliases AS (
         INSERT INTO speaker_alias (speaker_id, alias_key, alias, kind)
         SELECT speaker_id, alias_key, alias, kind
           FROM unnest($6::uuid[], $7::text[], $8::text[], $9::text[]) WITH ORDINALITY AS v(speaker_id, alias_key, alias, kind, n)
          ORDER BY n
         ON CONFLICT DO NOTHING
       ), natives AS (
         UPDATE speaker s SET native_name = v.native_name, updated_at = now()
           FROM (SELECT * FROM unnest($10::uuid[], $11::text[]) AS v(id, native_name) ORDER BY id) v
          WHERE s.id = v.id AND s.native_name IS NULL
       ), affiliations AS (
         INSERT INTO speaker_affiliation (speaker_id, role, organization, affiliation_key, first_seen, last_seen, article_ids)
         SELECT v.speaker_id, v.role, v.organization, v.affiliation_key, v.first_seen, v.last_seen,
                ARRAY(SELECT jsonb_array_elements_text(v.article_ids)::uuid)
           FROM unnest($12::uuid[], $13::text[], $14::text[], $15::text[], $16::timestamptz[], $17::timestamptz[], $18::jsonb[])
                WITH ORDINALITY AS v(speaker_id, role, organization, affiliation_key, first_seen, last_seen, article_ids, n)
          ORDER BY v.n
         ON CONFLICT (speaker_id, affiliation_key) DO UPDATE SET
           first_seen = LEAST(speaker_affiliation.first_seen, EXCLUDED.first_seen),
           last_seen = GREATEST(speaker_affiliation.last_seen, EXCLUDED.last_seen),
           article_ids = speaker_affiliation.article_ids || ARRAY(
             SELECT x FROM unnest(EXCLUDED.article_ids) WITH ORDINALITY AS e(x, n)
              WHERE x <> ALL(speaker_affiliation.article_ids) ORDER BY n)
       )
       SELECT 1`),
      [
        w.speakers.map((s) => s.id),
        w.speakers.map((s) => s.name),
        w.speakers.map((s) => s.nameKey),
        w.speakers.map((s) => s.nativeName),
        w.speakers.map((s) => s.kind ?? 'person'),
        aliases.map((a) => a.speakerId),
        aliases.map((a) => a.aliasKey),
        aliases.map((a) => a.alias),
        aliases.map((a) => a.kind),
        w.nativeNames.map((r) => r.id),
        w.nativeNames.map((r) => r.nativeName),
        affiliations.map((r) => r.speakerId),
        affiliations.map((r) => r.role),
        affiliations.map((r) => r.organization),
        affiliations.map((r) => r.affiliationKey),
        affiliations.map((r) => r.first),
        affiliations.map((r) => r.last),
        affiliations.map((r) => JSON.stringify(r.articleIds)),
      ],
    );
  }

  // Every alias row carrying one of these keys: the resolver's view of the registry for a batch,
  // read once after its name locks are held. A join, not `alias_key = ANY(…)`: for that the
  // planner may pick the trigram index (5 ms where the btree takes 0.1).
  async aliasesWithKeys(
    keys: string[],
  ): Promise<{ aliasKey: string; kind: AliasKind; speakerId: string }[]> {
    if (!keys.length) return [];
    return this.db.query(
      prepared(`SELECT a.alias_key AS "aliasKey", a.kind, a.speaker_id AS "speakerId"
         FROM unnest($1::text[]) k JOIN speaker_alias a ON a.alias_key = k`),
      [keys],
    );
  }

  // Rows are inserted (and conflicting keys waited on) in the caller's order.
  async addAliases(aliases: NewAlias[]): Promise<void> {
    const rows = aliases.filter((a) => a.aliasKey.length > 0);
    if (rows.length)
      await this.db
        .createQueryBuilder()
        .insert()
        .into(SpeakerAliasEntity)
        .values(rows)
        .orIgnore()
        .execute();
  }

  findById(id: string): Promise<SpeakerEntity | null> {
    return this.db.findOneBy(SpeakerEntity, { id });
  }

  findByIds(ids: string[]): Promise<SpeakerEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db
      .createQueryBuilder(SpeakerEntity, 's')
      .where('s.id = ANY(:ids)', { ids })
      .getMany();
  }

  aliasesOf(id: string): Promise<SpeakerAliasEntity[]> {
    return this.db.find(SpeakerAliasEntity, {
      where: { speakerId: id },
      order: { kind: 'ASC', alias: 'ASC' },
    });
  }

  affiliationsOf(ids: string[]): Promise<SpeakerAffiliationEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db
      .createQueryBuilder(SpeakerAffiliationEntity, 'a')
      .where('a.speaker_id = ANY(:ids)', { ids })
      .orderBy('a.first_seen', 'ASC')
      .addOrderBy('a.role', 'ASC')
      .getMany();
  }

  // Names, aliases and native names: exact and prefix matches first, then trigram similarity.
  // Exact and prefix matches come from a btree (speaker_alias_key_prefix_idx); the trigram
  // index is read only when they do not fill the page, since a fuzzy match never outranks them.
  // A longer name must be more alike (0.45 from 8 characters on, else pg_trgm's 0.3): a typo
  // still matches, but "Deepa Brown" no longer drags in every other Brown. For the same reason a
  // query of several words is not matched against surname aliases ("smith" is 0.55 like "judith
  // smith"): it reads the trigram index of the other aliases (speaker_alias_name_trgm_idx). The
  // threshold is set for this statement only, in the one-time filter before the trigram scan.
  // A key of one or two characters holds no trigram, so the index cannot find it inside longer
  // aliases: that takes reading every alias (110 ms at 50,000 speakers). Two characters are a
  // whole name in Chinese, Japanese or Korean script, so they are looked for inside the native
  // names only (speaker_alias_native_idx); "li" inside every Latin alias is noise anyway.
  // The page is chosen before the latest affiliation is joined: "smith" matches a thousand
  // speakers, and only twenty need one. The speakers of the matches are read by id: the planner
  // cannot count DISTINCT ON rows, guesses 200 and reads the whole speaker table to hash them.
  // (`alias = $1` needs no index test of its own: alias_key is always nameKey(alias).)
  async search(q: string, key: string, limit: number): Promise<SpeakerHit[]> {
    const notSurnames = key.includes(' ') ? `kind <> 'surname' AND` : '';
    const inside = [...key].length >= 3 ? '' : `kind = 'native' AND`;
    return this.db.query(
      `WITH exact AS MATERIALIZED (
         SELECT speaker_id, alias, CASE WHEN alias_key = $2 OR alias = $1 THEN 1.0 ELSE 0.9 END AS score
           FROM speaker_alias WHERE $2 <> '' AND alias_key LIKE $2 || '%'
       ), fuzzy AS (
         SELECT speaker_id, alias, similarity(alias_key, $2) AS score
           FROM speaker_alias
          WHERE ${notSurnames} $2 <> '' AND (SELECT count(DISTINCT speaker_id) FROM exact) < $3
            AND (SELECT set_config('pg_trgm.similarity_threshold', $4, true)) IS NOT NULL
            AND (alias_key % $2 OR (${inside} alias_key LIKE '%' || $2 || '%')) AND alias_key NOT LIKE $2 || '%'
       ), page AS MATERIALIZED (
         SELECT s.id, s.name, s.native_name, s.kind, best.alias, best.score
           FROM (
             SELECT DISTINCT ON (speaker_id) speaker_id, alias, score
               FROM (SELECT * FROM exact UNION ALL SELECT * FROM fuzzy) m
              ORDER BY speaker_id, score DESC
           ) best
           CROSS JOIN LATERAL (
             SELECT id, name, native_name, kind FROM speaker WHERE id = best.speaker_id OFFSET 0) s
          ORDER BY best.score DESC, s.name
          LIMIT $3
       )
       SELECT p.id, p.name, p.native_name AS "nativeName", p.kind, p.alias AS matched, p.score AS similarity, aff.role, aff.organization
         FROM page p
         LEFT JOIN LATERAL (
           SELECT a.role, a.organization FROM speaker_affiliation a WHERE a.speaker_id = p.id
            ORDER BY a.last_seen DESC, length(a.role) DESC NULLS LAST LIMIT 1) aff ON true
        ORDER BY p.score DESC, p.name`,
      [q, key, limit, key.length >= 8 ? '0.45' : '0.3'],
    );
  }

  // Moves everything of `fromId` onto `intoId`, then deletes `fromId`.
  async merge(fromId: string, intoId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO speaker_alias (speaker_id, alias_key, alias, kind)
       SELECT $2, alias_key, alias, kind FROM speaker_alias WHERE speaker_id = $1
       ON CONFLICT DO NOTHING`,
      [fromId, intoId],
    );
    await this.db.query(
      `INSERT INTO speaker_affiliation (speaker_id, role, organization, affiliation_key, first_seen, last_seen, article_ids)
       SELECT $2, role, organization, affiliation_key, first_seen, last_seen, article_ids FROM speaker_affiliation WHERE speaker_id = $1
       ON CONFLICT (speaker_id, affiliation_key) DO UPDATE SET
         first_seen = LEAST(speaker_affiliation.first_seen, EXCLUDED.first_seen),
         last_seen = GREATEST(speaker_affiliation.last_seen, EXCLUDED.last_seen),
         article_ids = ARRAY(SELECT DISTINCT unnest(speaker_affiliation.article_ids || EXCLUDED.article_ids))`,
      [fromId, intoId],
    );
    await this.db.query(
      `UPDATE speaker SET native_name = COALESCE(native_name, (SELECT native_name FROM speaker WHERE id = $1)), updated_at = now() WHERE id = $2`,
      [fromId, intoId],
    );
    await this.db.query(`UPDATE speaker_redirect SET into_id = $2 WHERE into_id = $1`, [
      fromId,
      intoId,
    ]);
    await this.db.query(
      `INSERT INTO speaker_redirect (from_id, into_id) VALUES ($1, $2)
       ON CONFLICT (from_id) DO UPDATE SET into_id = EXCLUDED.into_id, merged_at = now()`,
      [fromId, intoId],
    );
    await this.db.query(`DELETE FROM speaker WHERE id = $1`, [fromId]);
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// A batch's sightings of roles, one row per (speaker, key) in that order; article ids keep the
// order they were first seen in.
function mergeAffiliations(sightings: NewAffiliation[]): (Omit<
  NewAffiliation,
  'seenAt' | 'articleId'
> & {
  first: Date;
  last: Date;
  articleIds: string[];
})[] {
  const merged = new Map<
    string,
    Omit<NewAffiliation, 'seenAt' | 'articleId'> & { first: Date; last: Date; articleIds: string[] }
  >();
  for (const a of sightings) {
    const key = `${a.speakerId}|${a.affiliationKey}`;
    const row = merged.get(key);
    if (!row)
      merged.set(key, {
        speakerId: a.speakerId,
        role: a.role,
        organization: a.organization,
        affiliationKey: a.affiliationKey,
        first: a.seenAt,
        last: a.seenAt,
        articleIds: [a.articleId],
      });
    else {
      if (a.seenAt < row.first) row.first = a.seenAt;
      if (a.seenAt > row.last) row.last = a.seenAt;
      if (!row.articleIds.includes(a.articleId)) row.articleIds.push(a.articleId);
    }
  }
  return [...merged.values()].sort(
    (a, b) => cmp(a.speakerId, b.speakerId) || cmp(a.affiliationKey, b.affiliationKey),
  );
}
