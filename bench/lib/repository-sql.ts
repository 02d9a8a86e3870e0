import 'reflect-metadata';
import type { ClientBase } from 'pg';
import type { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClaimRepository } from '../../libs/claims/src/claim.repository';
import { HitRow, QuoteRepository } from '../../libs/quotes/src/quote.repository';
import { quoteKey } from '../../libs/quotes/src/quote-key';
import { SpeakerRepository } from '../../libs/speakers/src/speaker.repository';
import { nameKey } from '../../libs/speakers/src/name-key';

export interface Repositories {
  quotes: QuoteRepository;
  speakers: SpeakerRepository;
  claims: ClaimRepository;
}

// The app's own repositories on a bare pg client instead of TypeORM: the bare-SQL loop sends
// exactly the statements the API sends for a request, with nothing else around them.
export function repositoriesOn(client: ClientBase): Repositories {
  const query = async (sql: string, params: unknown[] = []) =>
    (await client.query(sql, params)).rows;
  const host = { tx: { query } } as unknown as TransactionHost<TransactionalAdapterTypeOrm>;
  return {
    quotes: new QuoteRepository(host),
    speakers: new SpeakerRepository(host),
    claims: new ClaimRepository(host),
  };
}

// Every statement a request sends, in order, with the services' parameters: the hits, then the
// verdicts of the page (QuoteViews.hits through the claims port); SpeakersService.search is one.
export const SCENARIO_CALLS = {
  search: async (r: Repositories, q: string) =>
    withVerdicts(r, (await r.quotes.search({ q }, 20 + 1, null)).slice(0, 20)),
  lookup: async (r: Repositories, text: string) =>
    withVerdicts(r, await r.quotes.lookup(text, quoteKey(text), 10)),
  speakers: (r: Repositories, q: string) => r.speakers.search(q.trim(), nameKey(q), 20),
};

async function withVerdicts<R extends HitRow>(r: Repositories, rows: R[]): Promise<R[]> {
  await r.claims.claimsOfQuotes(rows.map((row) => row.id));
  return rows;
}
