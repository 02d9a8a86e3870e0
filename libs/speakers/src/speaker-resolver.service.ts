import { Injectable } from '@nestjs/common';
import { nameKey } from './name-key';
import { SpeakerRepository } from './speaker.repository';

export interface PersonSeen {
  name: string;
  nativeName: string | null;
  aliases: string[];
  role: string | null;
  organization: string | null;
}

// Ties a person named in one article to the registry: native-script name first, then the full
// name, then a one-word name only when the registry ties it to exactly one person.
// Two people who merely share a surname are never merged.
@Injectable()
export class SpeakerResolver {
  constructor(private readonly repository: SpeakerRepository) {}

  async resolve(person: PersonSeen, seen: { at: Date; articleId: string }): Promise<string> {
    const key = nameKey(person.name);
    await this.repository.lockName(key);
    const id =
      (await this.findExisting(person, key)) ??
      (await this.repository.create({
        name: person.name,
        nameKey: key,
        nativeName: person.nativeName,
      }));
    if (person.nativeName) await this.repository.setNativeNameIfMissing(id, person.nativeName);
    await this.repository.addAliases(id, [
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
    ]);
    if (person.role || person.organization) {
      await this.repository.recordAffiliation({
        speakerId: id,
        role: person.role,
        organization: person.organization,
        affiliationKey: `${nameKey(person.role ?? '')}|${nameKey(person.organization ?? '')}`,
        seenAt: seen.at,
        articleId: seen.articleId,
      });
    }
    return id;
  }

  private async findExisting(person: PersonSeen, key: string): Promise<string | null> {
    if (person.nativeName) {
      const byNative = await this.repository.findIdsByAlias(nameKey(person.nativeName), ['native']);
      if (byNative.length === 1) return byNative[0];
    }
    const multiWord = key.includes(' ');
    const byName = await this.repository.findIdsByAlias(
      key,
      multiWord ? ['name', 'variant'] : undefined,
    );
    return byName.length === 1 ? byName[0] : null;
  }
}
