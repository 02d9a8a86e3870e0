import 'reflect-metadata';
import type { ClientBase } from 'pg';
import type { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { QuoteRepository } from '../../libs/quotes/src/quote.repository';
import { quoteKey } from '../../libs/quotes/src/quote-key';
import { SpeakerRepository } from '../../libs/speakers/src/speaker.repository';
import { nameKey } from '../../libs/speakers/src/name-key';

export interface Repositories {
  quotes: QuoteRepository;
  speakers: SpeakerRepository;
}

// The app's own repositories on a bare pg client instead of TypeORM: the bare-SQL loop sends
// exactly the statements the API sends for a request, with nothing else around them.
export function repositoriesOn(client: ClientBase): Repositories {
  const query = async (sql: string, params: unknown[] = []) =>
    (await client.query(sql, params)).rows;
  // Seen as the ambient transaction, so TxRepository uses it as it is (no replica routing).
  const host = {
    tx: { query },
    isTransactionActive: () => true,
  } as unknown as TransactionHost<TransactionalAdapterTypeOrm>;
  return {
    quotes: new QuoteRepository(host),
    speakers: new SpeakerRepository(host),
  };
}

// Every statement a request sends, with the services' parameters (QuotesService.search and
// .lookup, SpeakersService.search): the page carries speaker, article and verdict.
export const SCENARIO_CALLS = {
  search: (r: Repositories, q: string) => r.quotes.search({ q }, 20 + 1, null),
  lookup: (r: Repositories, text: string) => r.quotes.lookup(text, quoteKey(text), 10),
  speakers: (r: Repositories, q: string) => r.speakers.search(q.trim(), nameKey(q), 20),
};
