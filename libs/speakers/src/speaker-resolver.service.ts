import { Injectable } from '@nestjs/common';
import { nameKey } from './name-key';
import { AliasKind } from './entities/speaker-alias.entity';
import { NewAffiliation, NewAlias, SpeakerRepository } from './speaker.repository';

export interface PersonSeen {
  name: string;
  nativeName: string | null;
  aliases: string[];
  role: string | null;
  organization: string | null;
}

export interface SightingOf {
  person: PersonSeen;
  at: Date;
  articleId: string;
}

// Rounds of looking a merged-away speaker up again; more would need a merge storm on the very
// same names.
const MAX_LOOKUPS = 3;

// Ties a person named in one article to the registry: native-script name first, then the full
// name, then a one-word name only when the registry ties it to exactly one person.
// Two people who merely share a surname are never merged.
//
// Every ingest takes its locks in one global order, so two ingests never wait on each other in a
// cycle: the advisory locks of all its names (sorted by lock key), the existing speakers' rows
// (FOR KEY SHARE, by id), then alias rows, speaker rows and affiliation rows, each sorted by key.
@Injectable()
export class SpeakerResolver {
  constructor(private readonly repository: SpeakerRepository) {}

  // The speaker id of each sighting, in input order. Persons are looked up in the order they were
  // seen, as if stored one by one: a full name seen first gives the surname that follows its
  // speaker. Aliases are written at the end, in key order, so the batch keeps its own index of
  // the aliases it will write and looks there as well as in the registry.
  async resolveAll(sightings: SightingOf[]): Promise<string[]> {
    if (!sightings.length) return [];
    const keys = sightings.map((s) => nameKey(s.person.name));
    await this.repository.lockNames([...new Set(keys)]);
    const pending = new PendingAliases();
    const ids: string[] = [];
    const existing = new Set<string>();
    for (const [i, { person }] of sightings.entries()) {
      const found = await this.findExisting(person, keys[i], pending);
      if (found && !pending.created.has(found)) existing.add(found);
      ids[i] = found ?? (await this.createSpeaker(person, keys[i], pending));
      pending.add(ids[i], person, keys[i]);
    }
    // A reviewer may have merged a speaker away between the lookup and its lock: look again (the
    // aliases have moved to the survivor).
    for (let round = 0; existing.size > 0; round++) {
      const alive = await this.repository.lockForKeyShare([...existing].sort(cmp));
      const gone = new Set([...existing].filter((id) => !alive.has(id)));
      if (!gone.size) break;
      existing.clear();
      const again = new Map<string, string>();
      for (const [i, { person }] of sightings.entries()) {
        if (!gone.has(ids[i])) continue;
        const found = round < MAX_LOOKUPS ? await this.findExisting(person, keys[i]) : null;
        if (found) existing.add(found);
        // Still merged away after that: a new speaker (one per name), which a reviewer can merge.
        ids[i] =
          found ?? again.get(keys[i]) ?? (await this.createSpeaker(person, keys[i], pending));
        if (!found) again.set(keys[i], ids[i]);
      }
    }
    await this.repository.addAliases(aliasRows(sightings, keys, ids));
    await this.repository.setNativeNamesIfMissing(nativeNames(sightings, ids));
    for (const a of affiliationRows(sightings, ids)) await this.repository.recordAffiliation(a);
    return ids;
  }

  private async createSpeaker(
    person: PersonSeen,
    key: string,
    pending: PendingAliases,
  ): Promise<string> {
    const id = await this.repository.create({
      name: person.name,
      nameKey: key,
      nativeName: person.nativeName,
    });
    pending.created.add(id);
    return id;
  }

  private async findExisting(
    person: PersonSeen,
    key: string,
    pending?: PendingAliases,
  ): Promise<string | null> {
    const lookup = async (aliasKey: string, kinds?: AliasKind[]) => [
      ...new Set([
        ...(await this.repository.findIdsByAlias(aliasKey, kinds)),
        ...(pending?.find(aliasKey, kinds) ?? []),
      ]),
    ];
    if (person.nativeName) {
      const byNative = await lookup(nameKey(person.nativeName), ['native']);
      if (byNative.length === 1) return byNative[0];
    }
    const byName = await lookup(key, key.includes(' ') ? ['name', 'variant'] : undefined);
    return byName.length === 1 ? byName[0] : null;
  }
}

// The aliases this batch will write, and the speakers it created.
class PendingAliases {
  private readonly byKey = new Map<string, { speakerId: string; kind: AliasKind }[]>();
  readonly created = new Set<string>();

  add(speakerId: string, person: PersonSeen, key: string): void {
    for (const a of personAliases(person, key)) {
      const list = this.byKey.get(a.aliasKey) ?? [];
      list.push({ speakerId, kind: a.kind });
      this.byKey.set(a.aliasKey, list);
    }
  }

  find(aliasKey: string, kinds?: AliasKind[]): string[] {
    return (this.byKey.get(aliasKey) ?? [])
      .filter((a) => !kinds || kinds.includes(a.kind))
      .map((a) => a.speakerId);
  }
}

function personAliases(person: PersonSeen, key: string): Omit<NewAlias, 'speakerId'>[] {
  return [
    { alias: person.name, aliasKey: key, kind: key.includes(' ') ? 'name' : 'surname' },
    ...person.aliases.map((a) => ({ alias: a, aliasKey: nameKey(a), kind: 'surname' as const })),
    ...(person.nativeName
      ? [
          {
            alias: person.nativeName,
            aliasKey: nameKey(person.nativeName),
            kind: 'native' as const,
          },
        ]
      : []),
  ];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Every alias row of the batch once, sorted by (speaker, alias key): the order the insert locks them.
function aliasRows(sightings: SightingOf[], keys: string[], ids: string[]): NewAlias[] {
  const rows = new Map<string, NewAlias>();
  sightings.forEach(({ person }, i) => {
    for (const a of personAliases(person, keys[i])) {
      const id = `${ids[i]}|${a.aliasKey}`;
      if (a.aliasKey.length > 0 && !rows.has(id)) rows.set(id, { ...a, speakerId: ids[i] });
    }
  });
  return [...rows.values()].sort(
    (a, b) => cmp(a.speakerId, b.speakerId) || cmp(a.aliasKey, b.aliasKey),
  );
}

function nativeNames(sightings: SightingOf[], ids: string[]): { id: string; nativeName: string }[] {
  const byId = new Map<string, string>();
  sightings.forEach(({ person }, i) => {
    if (person.nativeName && !byId.has(ids[i])) byId.set(ids[i], person.nativeName);
  });
  return [...byId].map(([id, nativeName]) => ({ id, nativeName })).sort((a, b) => cmp(a.id, b.id));
}

function affiliationRows(sightings: SightingOf[], ids: string[]): NewAffiliation[] {
  const rows: NewAffiliation[] = [];
  sightings.forEach(({ person, at, articleId }, i) => {
    if (!person.role && !person.organization) return;
    rows.push({
      speakerId: ids[i],
      role: person.role,
      organization: person.organization,
      affiliationKey: `${nameKey(person.role ?? '')}|${nameKey(person.organization ?? '')}`,
      seenAt: at,
      articleId,
    });
  });
  return rows.sort(
    (a, b) =>
      cmp(a.speakerId, b.speakerId) ||
      cmp(a.affiliationKey, b.affiliationKey) ||
      cmp(a.articleId, b.articleId),
  );
}
