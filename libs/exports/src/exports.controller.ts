import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiCommonErrors, ApiErrors } from '@app/common';
import type { Response } from 'express';
import { QuoteSheetQuery, ClaimReviewQuery } from './dto/export-query.dto';
import { ExportsService } from './exports.service';
import { scriptSafeJson } from './claim-review';

@ApiTags('exports')
@ApiCommonErrors()
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('quote-sheet')
  @ApiOperation({
    summary: 'Download quotes as CSV, JSON, Markdown or XLSX',
    description: 'Pick the format with `format`; the same filters as GET /quotes.',
  })
  @ApiErrors(409)
  @ApiProduces(
    'text/csv',
    'application/json',
    'text/markdown',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  @ApiOkResponse({ description: 'A row per quote, streamed. Same filters as GET /quotes.' })
  async quoteSheet(@Query() query: QuoteSheetQuery, @Res() res: Response): Promise<void> {
    const sheet = await this.exports.prepareSheet(query);
    res.status(200);
    res.setHeader('Content-Type', sheet.format.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${sheet.filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    try {
      await sheet.writeTo(res);
      res.end();
    } catch (err) {
      // Headers are gone: the only honest signal left is a broken download.
      res.destroy(err as Error);
    }
  }

  @Get('claim-review')
  @ApiOperation({ summary: 'Reviewed claims as schema.org ClaimReview JSON-LD' })
  @ApiErrors(404)
  @ApiProduces('application/ld+json')
  @ApiOkResponse({ description: 'schema.org ClaimReview JSON-LD (@graph) for reviewed claims' })
  async claimReview(
    @Query() query: ClaimReviewQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const graph = await this.exports.claimReviews(query.claim);
    res.setHeader('Content-Type', 'application/ld+json; charset=utf-8');
    // Safe to embed in a <script> element: `<`, `>`, `&`, U+2028/9 escaped.
    return scriptSafeJson(graph);
  }
}
