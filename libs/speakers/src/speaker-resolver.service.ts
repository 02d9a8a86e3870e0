import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
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
  // speaker. The registry's aliases for every key of the batch are read in one statement once
  // the name locks are held; new speakers, aliases, native names and affiliations are then
  // written in one statement each, so a batch costs the same handful of round trips whatever
  // its size (new speakers are written with them, at the end: nothing reads them before).
  // Aliases are written at the end, in key order, so the batch keeps its own index of
  // the aliases it will write and looks there as well as in the registry.
  async resolveAll(sightings: SightingOf[]): Promise<string[]> {
    if (!sightings.length) return [];
    const keys = sightings.map((s) => nameKey(s.person.name));
    await this.repository.lockNames([...new Set(keys)]);
    let registry = await this.registry(sightings, keys);
    const pending = new PendingAliases();
    const created: NewSpeaker[] = [];
    const ids: string[] = [];
    const existing = new Set<string>();
    for (const [i, { person }] of sightings.entries()) {
      const found = findExisting(person, keys[i], registry, pending);
      if (found && !pending.created.has(found)) existing.add(found);
      ids[i] = found ?? newSpeaker(person, keys[i], pending, created);
      pending.add(ids[i], person, keys[i]);
    }
    // A reviewer may have merged a speaker away between the lookup and its lock: look again (the
    // aliases have moved to the survivor).
    for (let round = 0; existing.size > 0; round++) {
      const alive = await this.repository.lockForKeyShare([...existing].sort(cmp));
      const gone = new Set([...existing].filter((id) => !alive.has(id)));
      if (!gone.size) break;
      existing.clear();
      registry = await this.registry(sightings, keys);
      const again = new Map<string, string>();
      for (const [i, { person }] of sightings.entries()) {
        if (!gone.has(ids[i])) continue;
        const found = round < MAX_LOOKUPS ? findExisting(person, keys[i], registry) : null;
        if (found) existing.add(found);
        // Still merged away after that: a new speaker (one per name), which a reviewer can merge.
        ids[i] = found ?? again.get(keys[i]) ?? newSpeaker(person, keys[i], pending, created);
        if (!found) again.set(keys[i], ids[i]);
      }
    }
    // A native name seen later in the batch goes with a new speaker's row; an existing speaker
    // without one is updated.
    const natives = nativeNames(sightings, ids);
    const fresh = new Map(created.map((c) => [c.id, c]));
    for (const { id, nativeName } of natives) {
      const c = fresh.get(id);
      if (c) c.nativeName ??= nativeName;
    }
    await this.repository.writeRegistry({
      speakers: created,
      aliases: aliasRows(sightings, keys, ids),
      nativeNames: natives.filter(({ id }) => !fresh.has(id)),
      affiliations: affiliationRows(sightings, ids),
    });
    return ids;
  }

  // alias key → the registry's speakers with that key, for every key the batch may look up.
  private async registry(sightings: SightingOf[], keys: string[]): Promise<Registry> {
    const wanted = new Set(keys);
    for (const { person } of sightings)
      if (person.nativeName) wanted.add(nameKey(person.nativeName));
    const registry: Registry = new Map();
    for (const row of await this.repository.aliasesWithKeys([...wanted].sort(cmp))) {
      const list = registry.get(row.aliasKey) ?? [];
      list.push({ speakerId: row.speakerId, kind: row.kind });
      registry.set(row.aliasKey, list);
    }
    return registry;
  }
}

type Registry = Map<string, { speakerId: string; kind: AliasKind }[]>;
type NewSpeaker = { id: string; name: string; nameKey: string; nativeName: string | null };

function newSpeaker(
  person: PersonSeen,
  key: string,
  pending: PendingAliases,
  created: NewSpeaker[],
): string {
  const id = randomUUID();
  created.push({ id, name: person.name, nameKey: key, nativeName: person.nativeName });
  pending.created.add(id);
  return id;
}

function findExisting(
  person: PersonSeen,
  key: string,
  registry: Registry,
  pending?: PendingAliases,
): string | null {
  const lookup = (aliasKey: string, kinds?: AliasKind[]) => [
    ...new Set([
      ...(registry.get(aliasKey) ?? [])
        .filter((a) => !kinds || kinds.includes(a.kind))
        .map((a) => a.speakerId),
      ...(pending?.find(aliasKey, kinds) ?? []),
    ]),
  ];
  if (person.nativeName) {
    const byNative = lookup(nameKey(person.nativeName), ['native']);
    if (byNative.length === 1) return byNative[0];
  }
  const byName = lookup(key, key.includes(' ') ? ['name', 'variant'] : undefined);
  return byName.length === 1 ? byName[0] : null;
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
