import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { ClaimsService } from '@app/claims';
import { QuotesService } from '@app/quotes';
import { SpeakersService } from '@app/speakers';
import type { Writable } from 'node:stream';
import { Publisher, toClaimReview, VERDICT_RATING } from './claim-review';
import { QuoteSheetQuery, SheetFormatName } from './dto/export-query.dto';
import type { QuoteFilter } from '@app/quotes';
import { SheetOrder, SheetRepository } from './sheet.repository';
import { JSON_FORMAT } from './writers/json.writer';
import { MARKDOWN } from './writers/markdown.writer';
import { CSV, SheetFileType, SheetFormat } from './writers/sheet-writer';
import { XLSX } from './writers/xlsx.writer';

export const FORMATS: Record<Exclude<SheetFormatName, 'csv'>, SheetFormat> = {
  json: JSON_FORMAT,
  md: MARKDOWN,
  xlsx: XLSX,
};

// A filter nothing matches: the CSV sheet is then its header line.
const NOTHING: QuoteFilter = { quoteIds: [] };

export interface PreparedSheet {
  format: SheetFileType;
  filename: string;
  // Writes the whole sheet to `out`; `progress` is called after each batch with the rows so far.
  writeTo(out: Writable, progress?: (rows: number) => void): Promise<number>;
  count(): Promise<number>;
}

@Injectable()
export class ExportsService {
  constructor(
    private readonly sheets: SheetRepository,
    private readonly quotes: QuotesService,
    private readonly claims: ClaimsService,
    private readonly speakers: SpeakersService,
    private readonly config: AppConfig,
  ) {}

  // Filters are resolved (and rejected) before anything is written, so errors stay 4xx.
  async prepareSheet(query: QuoteSheetQuery): Promise<PreparedSheet> {
    const filter = await this.quotes.filter(query);
    const count = async () => (filter ? this.sheets.count(filter) : 0);
    const filename = (f: SheetFileType) =>
      `quote-sheet-${new Date().toISOString().slice(0, 10)}.${f.extension}`;
    if (query.format === 'csv')
      return {
        format: CSV,
        filename: filename(CSV),
        count,
        writeTo: (out, progress) => this.sheets.copyCsv(filter ?? NOTHING, out, progress),
      };
    const format = FORMATS[query.format];
    const order: SheetOrder = query.format === 'md' ? 'speaker' : 'date';
    return {
      format,
      filename: filename(format),
      count,
      writeTo: async (out, progress) => {
        const writer = format.create(out);
        await writer.begin();
        let n = 0;
        if (filter) {
          for await (const rows of this.sheets.batches(filter, order)) {
            await writer.rows(rows);
            n += rows.length;
            progress?.(n);
          }
        }
        await writer.end();
        return n;
      },
    };
  }

  async claimReviews(claimId?: string): Promise<Record<string, unknown>> {
    const publisher: Publisher = {
      name: this.config.PUBLISHER_NAME,
      url: this.config.PUBLISHER_URL,
      baseUrl: this.config.PUBLIC_BASE_URL.replace(/\/$/, ''),
    };
    const ids = claimId ? [claimId] : await this.claims.reviewedIds();
    const claims = [];
    for (const id of ids) {
      const claim = await this.claims.get(id);
      // Only standing verdicts are published: not unreviewed, not withdrawn.
      if (claim.status in VERDICT_RATING && !claim.withdrawn) claims.push(claim);
    }
    const speakers = await this.speakers.summaries(
      claims.map((c) => c.speaker?.id).filter((id): id is string => !!id),
    );
    const kindOf = (id: string) => speakers.get(id)?.kind;
    const reviews = claims.map((c) => toClaimReview(c, publisher, kindOf));
    return {
      '@context': 'https://schema.org',
      '@graph': reviews.map(({ '@context': _c, ...r }) => r),
    };
  }
}
