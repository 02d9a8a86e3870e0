import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/auth';
import { decodeCursor, encodeCursor, EventBus, Page } from '@app/common';
import {
  ReadReplica,
  TransactionalAdapterTypeOrm,
  TransactionHost,
  WriteTransaction,
} from '@app/database';
import { nameKey } from './name-key';
import { SpeakerRepository } from './speaker.repository';
import { SPEAKER_CLAIMS, SpeakerClaimsPort } from './speaker-claims.port';
import { SPEAKER_QUOTES, SpeakerQuotesPort } from './speaker-quotes.port';
import { SpeakersError, SpeakersErrorCode } from './speakers.errors';
import {
  AffiliationDto,
  SpeakerHitDto,
  SpeakerProfileDto,
  SpeakerSummaryDto,
} from './dto/speaker.dto';
import { SpeakerAffiliationEntity } from './entities/speaker-affiliation.entity';
import { SpeakerEntity } from './entities/speaker.entity';

@Injectable()
export class SpeakersService {
  constructor(
    readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly repository: SpeakerRepository,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    @Inject(SPEAKER_QUOTES) private readonly quotes: SpeakerQuotesPort,
    @Inject(SPEAKER_CLAIMS) private readonly claims: SpeakerClaimsPort,
  ) {}

  // Lookups read a replica when there are any (DATABASE_REPLICA_URLS): a moment stale is fine.
  @ReadReplica()
  async search(q: string, limit: number): Promise<SpeakerHitDto[]> {
    const hits = await this.repository.search(q.trim(), nameKey(q), limit);
    return hits.map((h) => ({
      id: h.id,
      name: h.name,
      nativeName: h.nativeName,
      role: h.role,
      organization: h.organization,
      kind: h.kind,
      matched: h.matched,
      similarity: Math.round(Number(h.similarity) * 1000) / 1000,
    }));
  }

  async summaries(ids: string[]): Promise<Map<string, SpeakerSummaryDto>> {
    const speakers = await this.repository.findByIds(ids);
    const latest = latestAffiliation(await this.repository.affiliationsOf(ids));
    return new Map(speakers.map((s) => [s.id, toSummary(s, latest.get(s.id))]));
  }

  // Speakers without a query: by name, or newest first.
  @ReadReplica()
  async list(
    sort: 'name' | 'newest',
    limit: number,
    cursor?: string,
  ): Promise<Page<SpeakerSummaryDto>> {
    const parts = decodeCursor(cursor, [sort === 'name' ? 'string' : 'date', 'uuid'] as const);
    const after = parts ? { key: String(parts[0]), id: parts[1] } : null;
    const rows = await this.repository.list(sort, limit + 1, after);
    const page = rows.slice(0, limit);
    const summaries = await this.summaries(page.map((r) => r.id));
    const last = page[page.length - 1];
    return {
      items: page.map((r) => summaries.get(r.id)).filter((x): x is SpeakerSummaryDto => !!x),
      nextCursor:
        rows.length > limit
          ? encodeCursor([sort === 'name' ? last.name : last.createdAt.toISOString(), last.id])
          : null,
    };
  }

  async profile(id: string): Promise<SpeakerProfileDto> {
    const speaker = await this.repository.findById(id);
    if (!speaker) throw await this.notFound(id);
    const [aliases, affiliations, quotes, verdicts] = await Promise.all([
      this.repository.aliasesOf(id),
      this.repository.affiliationsOf([id]),
      this.quotes.profileQuotes(id),
      this.claims.verdictCounts(id),
    ]);
    return {
      ...toSummary(speaker, latestAffiliation(affiliations).get(id)),
      version: speaker.version,
      aliases: [...new Set(aliases.map((a) => a.alias))],
      affiliations: affiliations.map(toAffiliationDto),
      quotes,
      verdicts,
    };
  }

  // 404, or for a merged speaker's old id a pointer to the survivor.
  async notFound(id: string): Promise<SpeakersError> {
    const into = await this.repository.redirectOf(id);
    return into
      ? new SpeakersError(SpeakersErrorCode.Merged, `Speaker ${id} was merged into ${into}`, {
          id,
          mergedInto: into,
        })
      : new SpeakersError(SpeakersErrorCode.NotFound, `No speaker with id ${id}`, { id });
  }

  // The survivor of a merged id, for callers that follow it (null when the id never merged).
  redirectOf(id: string): Promise<string | null> {
    return this.repository.redirectOf(id);
  }

  async exists(id: string): Promise<boolean> {
    return (await this.repository.findById(id)) !== null;
  }

  // What a `speaker=` filter means: an id, or a name or alias that fits exactly one speaker.
  // A name that fits several is a 409 listing them: two people are never mixed silently.
  async resolveFilter(speaker: string): Promise<string[]> {
    const value = speaker.trim();
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
      if (await this.exists(value)) return [value];
      const into = await this.repository.redirectOf(value);
      return into ? [into] : [];
    }
    const ids = await this.repository.findIdsByAlias(nameKey(value));
    if (ids.length <= 1) return ids;
    const candidates = [...(await this.summaries(ids)).values()].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    throw new SpeakersError(
      SpeakersErrorCode.AmbiguousName,
      `"${value}" names ${ids.length} speakers; filter by one of their ids`,
      { field: 'speaker', candidates },
    );
  }

  // The speaker's role and organisation as of each date: the affiliation whose span covers it,
  // else the latest one first seen before it, else none. One read for all the dates.
  async affiliationsAt(
    id: string,
    dates: Date[],
  ): Promise<({ role: string | null; organization: string | null } | null)[]> {
    const rows = dates.length ? await this.repository.affiliationsOf([id]) : [];
    return dates.map((at) => {
      const covering = rows.filter((a) => a.firstSeen <= at && at <= a.lastSeen);
      const before = rows.filter((a) => a.firstSeen <= at);
      const pick = latestAffiliation(covering.length ? covering : before).get(id);
      return pick ? { role: pick.role, organization: pick.organization } : null;
    });
  }

  // For a write of another lib that refers to the speaker: it cannot be merged away (deleted)
  // until that transaction ends.
  async lockExisting(id: string): Promise<boolean> {
    return (await this.repository.lockForKeyShare([id])).has(id);
  }

  // The duplicates' aliases, affiliations, quotes and claims move, then they are deleted.
  async merge(intoId: string, fromIds: string[]): Promise<SpeakerProfileDto> {
    const from = [...new Set(fromIds)];
    if (from.includes(intoId))
      throw new SpeakersError(
        SpeakersErrorCode.MergeIntoItself,
        'A speaker cannot be merged into itself',
        { id: intoId },
      );
    await this.mergeInTransaction(intoId, from);
    return this.profile(intoId);
  }

  // The speakers are locked in id order, so crossed merges (A←B with B←A, or cycles of three)
  // queue behind each other instead of deadlocking; the one that waited then finds its target
  // (404) or a duplicate (409) merged away and changes nothing.
  @WriteTransaction()
  private async mergeInTransaction(intoId: string, from: string[]): Promise<void> {
    const ids = [intoId, ...from];
    for (const id of ids) if (!(await this.repository.findById(id))) throw await this.notFound(id);
    const found = new Map((await this.repository.lockForMerge(ids)).map((s) => [s.id, s]));
    // Gone while this merge waited for its locks: the target answers 404 (pointing to where it
    // went), a duplicate 409.
    if (!found.has(intoId)) throw await this.notFound(intoId);
    const gone = from.find((id) => !found.has(id));
    if (gone)
      throw new SpeakersError(
        SpeakersErrorCode.MergeConflict,
        `Speaker ${gone} was merged or deleted while this merge waited`,
        { id: gone, mergedInto: await this.repository.redirectOf(gone) },
      );
    for (const id of from) {
      await this.events.emit('speaker.merged', { fromId: id, intoId });
      await this.repository.merge(id, intoId);
      await this.audit.record({
        action: 'speaker.merge',
        targetType: 'speaker',
        targetId: intoId,
        before: found.get(id),
        after: { mergedInto: intoId },
      });
    }
  }
}

function latestAffiliation(
  rows: SpeakerAffiliationEntity[],
): Map<string, SpeakerAffiliationEntity> {
  const latest = new Map<string, SpeakerAffiliationEntity>();
  for (const r of rows) {
    const cur = latest.get(r.speakerId);
    if (
      !cur ||
      r.lastSeen > cur.lastSeen ||
      (r.lastSeen.getTime() === cur.lastSeen.getTime() &&
        (r.role?.length ?? 0) > (cur.role?.length ?? 0))
    )
      latest.set(r.speakerId, r);
  }
  return latest;
}

function toSummary(
  s: Pick<SpeakerEntity, 'id' | 'name' | 'nativeName' | 'kind'>,
  a?: SpeakerAffiliationEntity,
): SpeakerSummaryDto {
  return {
    id: s.id,
    name: s.name,
    nativeName: s.nativeName,
    kind: s.kind,
    role: a?.role ?? null,
    organization: a?.organization ?? null,
  };
}

function toAffiliationDto(a: SpeakerAffiliationEntity): AffiliationDto {
  return {
    id: a.id,
    role: a.role,
    organization: a.organization,
    firstSeen: a.firstSeen.toISOString(),
    lastSeen: a.lastSeen.toISOString(),
    articleIds: a.articleIds,
    editedBy: a.editedBy,
  };
}
