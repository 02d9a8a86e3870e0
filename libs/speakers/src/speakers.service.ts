import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/auth';
import { EventBus } from '@app/common';
import { TransactionalAdapterTypeOrm, TransactionHost, WriteTransaction } from '@app/database';
import { nameKey } from './name-key';
import { SpeakerRepository } from './speaker.repository';
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
  ) {}

  async search(q: string, limit: number): Promise<SpeakerHitDto[]> {
    const hits = await this.repository.search(q.trim(), nameKey(q), limit);
    return hits.map((h) => ({
      id: h.id,
      name: h.name,
      nativeName: h.nativeName,
      role: h.role,
      organization: h.organization,
      matched: h.matched,
      similarity: Math.round(Number(h.similarity) * 1000) / 1000,
    }));
  }

  async summaries(ids: string[]): Promise<Map<string, SpeakerSummaryDto>> {
    const speakers = await this.repository.findByIds(ids);
    const latest = latestAffiliation(await this.repository.affiliationsOf(ids));
    return new Map(speakers.map((s) => [s.id, toSummary(s, latest.get(s.id))]));
  }

  async profile(id: string): Promise<SpeakerProfileDto> {
    const speaker = await this.repository.findById(id);
    if (!speaker)
      throw new SpeakersError(SpeakersErrorCode.NotFound, `No speaker with id ${id}`, { id });
    const [aliases, affiliations, quotes] = await Promise.all([
      this.repository.aliasesOf(id),
      this.repository.affiliationsOf([id]),
      this.quotes.profileQuotes(id),
    ]);
    return {
      ...toSummary(speaker, latestAffiliation(affiliations).get(id)),
      aliases: [...new Set(aliases.map((a) => a.alias))],
      affiliations: affiliations.map(toAffiliationDto),
      quotes,
    };
  }

  async exists(id: string): Promise<boolean> {
    return (await this.repository.findById(id)) !== null;
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

  @WriteTransaction()
  private async mergeInTransaction(intoId: string, from: string[]): Promise<void> {
    const found = new Map<string, SpeakerEntity>();
    for (const id of [intoId, ...from]) {
      const speaker = await this.repository.findById(id);
      if (!speaker)
        throw new SpeakersError(SpeakersErrorCode.NotFound, `No speaker with id ${id}`, { id });
      found.set(id, speaker);
    }
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
  s: Pick<SpeakerEntity, 'id' | 'name' | 'nativeName'>,
  a?: SpeakerAffiliationEntity,
): SpeakerSummaryDto {
  return {
    id: s.id,
    name: s.name,
    nativeName: s.nativeName,
    role: a?.role ?? null,
    organization: a?.organization ?? null,
  };
}

function toAffiliationDto(a: SpeakerAffiliationEntity): AffiliationDto {
  return {
    role: a.role,
    organization: a.organization,
    firstSeen: a.firstSeen.toISOString(),
    lastSeen: a.lastSeen.toISOString(),
    articleIds: a.articleIds,
  };
}
