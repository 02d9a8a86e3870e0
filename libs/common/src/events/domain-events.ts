import { Global, Injectable, Module } from '@nestjs/common';
import { EventEmitter2, EventEmitterModule, OnEvent } from '@nestjs/event-emitter';

// Facts one lib announces and others act on. Each lib raises only its own events; a handler
// runs inside the transaction that raised the event (it is awaited, and its error rolls the
// whole write back).
export interface DomainEvents {
  // articles: new articles were stored, all of one ingest in one event (never for a re-post), so
  // handlers can take their locks in one order across them.
  'articles.created': {
    articles: { id: string; body: string; publishedAt: Date | null; createdAt: Date }[];
    // Extraction is left to a queue worker (POST /articles with Prefer: respond-async).
    deferred?: boolean;
  };
  // articles: an article's published date was set, changed or cleared (PATCH /articles/:id).
  // `publishedAt: null` = undated again; `createdAt` is the ingest time that then stands in.
  'article.dated': { articleId: string; publishedAt: Date | null; createdAt: Date };
  // quotes: the quotes of one batch of articles were stored (each quote row once, however often
  // the batch says it), so handlers can act on all of them in one statement. `created` when the
  // quote itself is new, `rejected` when a reviewer had rejected it (not a quotation) and it
  // must not join claims.
  'quotes.persisted': {
    quotes: {
      quoteId: string;
      speakerId: string | null;
      textKey: string;
      created: boolean;
      rejected: boolean;
    }[];
  };
  // quotes: a reviewer gave quote `quoteId` another speaker (null = unattributed).
  'quote.reattributed': {
    quoteId: string;
    fromSpeakerId: string | null;
    toSpeakerId: string | null;
  };
  // quotes: quote `fromId` was folded into `intoId` and is about to be deleted.
  'quote.folded': { fromId: string; intoId: string };
  // speakers: speaker `fromId` is being merged into `intoId` (before it is deleted).
  'speaker.merged': { fromId: string; intoId: string };
}

export type DomainEventName = keyof DomainEvents;

// Handlers are found at boot by @nestjs/event-emitter; errors are never swallowed.
export const OnDomainEvent = <K extends DomainEventName>(name: K): MethodDecorator =>
  OnEvent(name, { suppressErrors: false });

@Injectable()
export class EventBus {
  constructor(private readonly emitter: EventEmitter2) {}

  // Handlers run one after another, in registration order, in the caller's transaction.
  // Emitting into the void is a wiring bug (an app used before init, a lib left out), so it
  // fails loudly instead of dropping the fact: that is how seeds once lost their quotes.
  async emit<K extends DomainEventName>(name: K, payload: DomainEvents[K]): Promise<void> {
    const listeners = this.emitter.listeners(name);
    if (listeners.length === 0) {
      throw new Error(`No handler for domain event '${name}': is the application initialised?`);
    }
    for (const listener of listeners) await listener(payload);
  }
}

@Global()
@Module({
  imports: [EventEmitterModule.forRoot({ wildcard: false })],
  providers: [EventBus],
  exports: [EventBus],
})
export class DomainEventsModule {}
