import { Body, Controller, Get, Headers, Param, Patch, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiCommonErrors,
  ApiErrors,
  ApiKeyAuth,
  ErrorBody,
  uuidParam,
  versionEtag,
} from '@app/common';
import { RequireRole } from '@app/common';
import type { Response } from 'express';
import {
  LookupQuery,
  PatchQuoteDto,
  QuoteFilterQuery,
  QuoteHistoryEntryDto,
} from './dto/quote-query.dto';
import { LookupHitDto, QuoteDetailDto, QuotePageDto } from './dto/quote-response.dto';
import { QuotesService } from './quotes.service';

@ApiTags('quotes')
@ApiCommonErrors()
@Controller('quotes')
export class QuotesController {
  constructor(private readonly quotes: QuotesService) {}

  @Get()
  @ApiOperation({
    summary: 'Search and filter quotes: text, speaker, article, dates, claim status',
  })
  @ApiOkResponse({ type: QuotePageDto })
  @ApiConflictResponse({ type: ErrorBody, description: '`speaker` names several speakers' })
  search(@Query() query: QuoteFilterQuery): Promise<QuotePageDto> {
    return this.quotes.search(query);
  }

  @Get('lookup')
  @ApiOperation({
    summary: 'Find the quote a paraphrase or a half-remembered wording came from',
  })
  @ApiOkResponse({ type: [LookupHitDto], description: 'Closest quotes first' })
  lookup(@Query() query: LookupQuery): Promise<LookupHitDto[]> {
    return this.quotes.lookup(query.text, query.limit);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A quote with its speaker, claim and every place it appeared' })
  @ApiOkResponse({
    type: QuoteDetailDto,
    headers: { ETag: { description: 'The quote version, for If-Match on PATCH' } },
  })
  @ApiErrors(404)
  async get(
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<QuoteDetailDto> {
    const quote = await this.quotes.get(id);
    res.setHeader('ETag', versionEtag(quote.version, quote));
    return quote;
  }

  @Get(':id/history')
  @RequireRole('reviewer')
  @ApiKeyAuth()
  @ApiOperation({ summary: "The quote's correction history: who changed what, and when" })
  @ApiOkResponse({ type: [QuoteHistoryEntryDto] })
  @ApiErrors(403, 404)
  history(@Param('id', uuidParam()) id: string): Promise<QuoteHistoryEntryDto[]> {
    return this.quotes.history(id);
  }

  @Patch(':id')
  @RequireRole('reviewer')
  @ApiKeyAuth()
  @ApiOperation({
    summary: 'Correct a quote: speaker, wording, attribution status, or reject it',
    description:
      "A new speaker reaches the quote's claims and their ClaimReview; every change is audited " +
      'and listed in GET /quotes/{id}/history.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'Version ETag from GET; 412 when stale',
  })
  @ApiOkResponse({ type: QuoteDetailDto })
  @ApiErrors(403, 404, 412, 413, 415, 422)
  async correct(
    @Param('id', uuidParam()) id: string,
    @Body() patch: PatchQuoteDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<QuoteDetailDto> {
    const after = await this.quotes.correct(id, patch, ifMatch);
    res.setHeader('ETag', versionEtag(after.version, after));
    return after;
  }
}
