import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/auth';
import { etagVersion, requestContext } from '@app/common';
import { TransactionalAdapterTypeOrm, TransactionHost, WriteTransaction } from '@app/database';
import {
  AffiliationInputDto,
  CreateSpeakerDto,
  SpeakerProfileDto,
  UpdateSpeakerDto,
} from './dto/speaker.dto';
import { SpeakerEntity } from './entities/speaker.entity';
import { nameKey } from './name-key';
import { SPEAKER_CLAIMS, SpeakerClaimsPort } from './speaker-claims.port';
import { SPEAKER_QUOTES, SpeakerQuotesPort } from './speaker-quotes.port';
import { SpeakerRepository } from './speaker.repository';
import { SpeakersError, SpeakersErrorCode } from './speakers.errors';
import { SpeakersService } from './speakers.service';

const aliasRows = (aliases: string[] = []) =>
  [...new Set(aliases.map((a) => a.trim()))]
    .map((alias) => ({ alias, aliasKey: nameKey(alias) }))
    .filter((a) => a.aliasKey.length > 0)
    .map((a) => ({
      ...a,
      kind: a.aliasKey.includes(' ') ? ('variant' as const) : ('surname' as const),
    }));

const affiliationKey = (role: string | null, organization: string | null) =>
  `${nameKey(role ?? '')}|${nameKey(organization ?? '')}`;

// A reviewer's repairs to the speaker registry: a person the engine missed, a wrong name or
// role, an empty speaker left behind by corrections. Every change is audited with before/after.
@Injectable()
export class SpeakerEditor {
  constructor(
    readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly repository: SpeakerRepository,
    private readonly speakers: SpeakersService,
    private readonly audit: AuditService,
    @Inject(SPEAKER_QUOTES) private readonly quotes: SpeakerQuotesPort,
    @Inject(SPEAKER_CLAIMS) private readonly claims: SpeakerClaimsPort,
  ) {}

  async create(dto: CreateSpeakerDto): Promise<SpeakerProfileDto> {
    return this.speakers.profile(await this.insert(dto));
  }

  // Joins the caller's transaction when there is one (a split creates the new speaker this way).
  @WriteTransaction()
  async insert(dto: CreateSpeakerDto): Promise<string> {
    const name = dto.name.trim();
    const key = nameKey(name);
    const nativeName = dto.nativeName?.trim() || null;
    const id = await this.repository.create({
      name,
      nameKey: key,
      nativeName,
      kind: dto.kind ?? 'person',
    });
    await this.repository.replaceAliases(
      id,
      { name, nameKey: key, nativeName },
      aliasRows(dto.aliases),
    );
    await this.audit.record({
      action: 'speaker.create',
      targetType: 'speaker',
      targetId: id,
      after: { name, nativeName, aliases: dto.aliases ?? [], kind: dto.kind ?? 'person' },
    });
    return id;
  }

  async update(id: string, dto: UpdateSpeakerDto, ifMatch?: string): Promise<SpeakerProfileDto> {
    await this.applyUpdate(id, dto, ifMatch);
    return this.speakers.profile(id);
  }

  @WriteTransaction()
  private async applyUpdate(id: string, dto: UpdateSpeakerDto, ifMatch?: string): Promise<void> {
    const before = await this.lock(id, ifMatch);
    const name = dto.name?.trim() ?? before.name;
    const nativeName =
      dto.nativeName === undefined ? before.nativeName : dto.nativeName?.trim() || null;
    const beforeAliases = (await this.repository.aliasesOf(id)).map((a) => a.alias);
    await this.repository.update(id, {
      name,
      nameKey: nameKey(name),
      nativeName,
      kind: dto.kind ?? before.kind,
    });
    const others =
      dto.aliases ??
      beforeAliases.filter((a) => a !== before.name && a !== before.nativeName && a !== name);
    await this.repository.replaceAliases(
      id,
      { name, nameKey: nameKey(name), nativeName },
      aliasRows(others),
    );
    await this.audit.record({
      action: 'speaker.update',
      targetType: 'speaker',
      targetId: id,
      before: {
        name: before.name,
        nativeName: before.nativeName,
        kind: before.kind,
        aliases: beforeAliases,
      },
      after: dto,
    });
  }

  // Only a speaker nothing refers to: no quote and no claim.
  @WriteTransaction()
  async delete(id: string, ifMatch?: string): Promise<void> {
    const before = await this.lock(id, ifMatch);
    const [quotes, claims] = await Promise.all([
      this.quotes.quoteCount(id),
      this.claims.claimCount(id),
    ]);
    if (quotes > 0 || claims > 0)
      throw new SpeakersError(
        SpeakersErrorCode.InUse,
        `Speaker still has ${quotes} quote(s) and ${claims} claim(s); move or merge them first`,
        { id, quotes, claims },
      );
    await this.repository.delete(id);
    await this.audit.record({
      action: 'speaker.delete',
      targetType: 'speaker',
      targetId: id,
      before,
    });
  }

  async addAffiliation(id: string, dto: AffiliationInputDto): Promise<SpeakerProfileDto> {
    await this.insertAffiliation(id, dto);
    return this.speakers.profile(id);
  }

  @WriteTransaction()
  private async insertAffiliation(id: string, dto: AffiliationInputDto): Promise<void> {
    await this.lock(id);
    const role = dto.role?.trim() || null;
    const organization = dto.organization?.trim() || null;
    if (!role && !organization)
      throw new SpeakersError(
        SpeakersErrorCode.EmptyAffiliation,
        'Give a role or an organization',
        {
          field: 'role',
        },
      );
    const from = dto.from ? new Date(dto.from) : new Date();
    const to = dto.to ? new Date(dto.to) : from;
    checkSpan(from, to);
    const affiliationId = await this.repository.addAffiliation({
      speakerId: id,
      role,
      organization,
      affiliationKey: affiliationKey(role, organization),
      from,
      to,
      editedBy: requestContext.get().actor.name,
    });
    await this.repository.update(id, {});
    await this.audit.record({
      action: 'speaker.affiliation.add',
      targetType: 'speaker',
      targetId: id,
      after: { affiliationId, role, organization, from, to },
    });
  }

  async updateAffiliation(
    id: string,
    affiliationId: string,
    dto: AffiliationInputDto,
  ): Promise<SpeakerProfileDto> {
    await this.changeAffiliation(id, affiliationId, dto);
    return this.speakers.profile(id);
  }

  @WriteTransaction()
  private async changeAffiliation(
    id: string,
    affiliationId: string,
    dto: AffiliationInputDto,
  ): Promise<void> {
    await this.lock(id);
    const before = await this.affiliationOr404(id, affiliationId);
    const role = dto.role === undefined ? before.role : dto.role?.trim() || null;
    const organization =
      dto.organization === undefined ? before.organization : dto.organization?.trim() || null;
    if (!role && !organization)
      throw new SpeakersError(
        SpeakersErrorCode.EmptyAffiliation,
        'Give a role or an organization',
        {
          field: 'role',
        },
      );
    const firstSeen = dto.from ? new Date(dto.from) : before.firstSeen;
    const lastSeen = dto.to ? new Date(dto.to) : before.lastSeen;
    checkSpan(firstSeen, lastSeen);
    try {
      await this.repository.updateAffiliation(affiliationId, {
        role,
        organization,
        affiliationKey: affiliationKey(role, organization),
        firstSeen,
        lastSeen,
        editedBy: requestContext.get().actor.name,
      });
    } catch (err) {
      if ((err as { driverError?: { code?: string } }).driverError?.code === '23505')
        throw new SpeakersError(
          SpeakersErrorCode.DuplicateAffiliation,
          'The speaker already has this role at this organization',
          { field: 'role' },
        );
      throw err;
    }
    await this.repository.update(id, {});
    await this.audit.record({
      action: 'speaker.affiliation.update',
      targetType: 'speaker',
      targetId: id,
      before,
      after: { affiliationId, role, organization, firstSeen, lastSeen },
    });
  }

  @WriteTransaction()
  async deleteAffiliation(id: string, affiliationId: string): Promise<void> {
    await this.lock(id);
    const before = await this.affiliationOr404(id, affiliationId);
    await this.repository.deleteAffiliation(affiliationId);
    await this.repository.update(id, {});
    await this.audit.record({
      action: 'speaker.affiliation.delete',
      targetType: 'speaker',
      targetId: id,
      before,
    });
  }

  private async lock(id: string, ifMatch?: string): Promise<SpeakerEntity> {
    const speaker = await this.repository.findForUpdate(id);
    if (!speaker) throw await this.speakers.notFound(id);
    if (ifMatch !== undefined && ifMatch.trim() !== '*') {
      const given = etagVersion(ifMatch);
      if (given === null)
        throw new SpeakersError(
          SpeakersErrorCode.InvalidVersion,
          'If-Match must be the version ETag, e.g. "3"',
        );
      if (given !== speaker.version)
        throw new SpeakersError(
          SpeakersErrorCode.VersionMismatch,
          `Speaker changed since version ${given}; current version is ${speaker.version}`,
          { currentVersion: speaker.version },
        );
    }
    return speaker;
  }

  private async affiliationOr404(id: string, affiliationId: string) {
    const affiliation = await this.repository.findAffiliation(id, affiliationId);
    if (!affiliation)
      throw new SpeakersError(
        SpeakersErrorCode.AffiliationNotFound,
        `Speaker ${id} has no affiliation ${affiliationId}`,
        { id, affiliationId },
      );
    return affiliation;
  }
}

function checkSpan(from: Date, to: Date): void {
  if (to < from)
    throw new SpeakersError(SpeakersErrorCode.BadDates, '`to` must not be before `from`', {
      field: 'to',
    });
}
