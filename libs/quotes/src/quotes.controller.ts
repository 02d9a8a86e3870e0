import { Body, Controller, Get, Headers, Param, Patch, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBody, uuidParam, versionEtag } from '@app/common';
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
@Controller('quotes')
export class QuotesController {
  constructor(private readonly quotes: QuotesService) {}

  @Get()
  @ApiOkResponse({ type: QuotePageDto })
  search(@Query() query: QuoteFilterQuery): Promise<QuotePageDto> {
    return this.quotes.search(query);
  }

  @Get('lookup')
  @ApiOkResponse({ type: [LookupHitDto], description: 'Closest quotes first' })
  lookup(@Query() query: LookupQuery): Promise<LookupHitDto[]> {
    return this.quotes.lookup(query.text, query.limit);
  }

  @Get(':id')
  @ApiOkResponse({
    type: QuoteDetailDto,
    headers: { ETag: { description: 'The quote version, for If-Match on PATCH' } },
  })
  @ApiNotFoundResponse({ type: ErrorBody })
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
  @ApiBearerAuth()
  @ApiOperation({ summary: "The quote's correction history: who changed what, and when" })
  @ApiOkResponse({ type: [QuoteHistoryEntryDto] })
  @ApiNotFoundResponse({ type: ErrorBody })
  history(@Param('id', uuidParam()) id: string): Promise<QuoteHistoryEntryDto[]> {
    return this.quotes.history(id);
  }

  @Patch(':id')
  @RequireRole('reviewer')
  @ApiBearerAuth()
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'Version ETag from GET; 412 when stale',
  })
  @ApiOkResponse({ type: QuoteDetailDto })
  @ApiPreconditionFailedResponse({ type: ErrorBody })
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
