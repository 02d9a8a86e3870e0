import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface SpeakerHooks {
  // Inside the merge transaction, before the duplicate is deleted.
  speakerMerged?(manager: EntityManager, fromId: string, intoId: string): Promise<void>;
  // Adds the quote side of a profile (counts, recent quotes).
  profileQuotes?(speakerId: string): Promise<Record<string, unknown>>;
}

// Lets the quote store take part in merges and profiles without a circular module import.
@Injectable()
export class SpeakerHooksRegistry {
  readonly hooks: SpeakerHooks[] = [];

  register(hooks: SpeakerHooks): void {
    this.hooks.push(hooks);
  }
}
