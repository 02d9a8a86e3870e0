import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiHeader,
  ApiOkResponse,
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
import { ClaimsService } from './claims.service';
import {
  ClaimDetailDto,
  ClaimPageDto,
  CreateClaimDto,
  CreateReviewDto,
  ListClaimsQuery,
  WithdrawClaimDto,
} from './dto/claim.dto';

@ApiTags('claims')
@ApiCommonErrors()
@Controller('claims')
export class ClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Post()
  @RequireRole('reviewer')
  @ApiKeyAuth()
  @ApiOperation({
    summary: 'Make a claim from a quote, or from a span of it',
    description:
      'Give the span by its exact `text` or by offsets; a text that is not in the quote is a 400.',
  })
  @ApiBody({
    type: CreateClaimDto,
    examples: {
      quote: {
        summary: 'A whole quote',
        value: { quoteId: '7b0e3c1e-2f4a-4d59-9a43-0c2d6b1f5e11' },
      },
      words: {
        summary: 'A span, by its exact words',
        value: {
          quoteId: '7b0e3c1e-2f4a-4d59-9a43-0c2d6b1f5e11',
          text: 'We will not accept any pressure',
        },
      },
      offsets: {
        summary: 'A span, by offsets',
        value: { quoteId: '7b0e3c1e-2f4a-4d59-9a43-0c2d6b1f5e11', start: 0, end: 31 },
      },
      free: {
        summary: 'Free text, with its speaker',
        value: {
          text: 'Taxes fell for most families in 2024',
          speakerId: '7b0e3c1e-2f4a-4d59-9a43-0c2d6b1f5e11',
        },
      },
    },
  })
  @ApiCreatedResponse({ type: ClaimDetailDto })
  @ApiConflictResponse({ type: ErrorBody, description: 'This quote (span) already has a claim' })
  @ApiErrors(403, 413, 415, 422)
  async create(
    @Body() body: CreateClaimDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ClaimDetailDto> {
    return withEtag(res, await this.claims.create(body));
  }

  @Get()
  @ApiOperation({ summary: 'List claims by status, speaker or flag, newest first' })
  @ApiOkResponse({ type: ClaimPageDto })
  @ApiConflictResponse({ type: ErrorBody, description: '`speaker` names several speakers' })
  list(@Query() query: ListClaimsQuery): Promise<ClaimPageDto> {
    return this.claims.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A claim with its review history and every quote that says it' })
  @ApiErrors(404)
  @ApiOkResponse({
    type: ClaimDetailDto,
    headers: { ETag: { description: 'Claim version: send as If-Match to review' } },
  })
  async get(
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ClaimDetailDto> {
    return withEtag(res, await this.claims.get(id));
  }

  @Post(':id/reviews')
  @RequireRole('reviewer')
  @ApiKeyAuth()
  @ApiOperation({
    summary: 'Record a verdict on a claim, with rationale and evidence',
    description: 'Needs If-Match with the claim ETag, so a review is never based on a stale claim.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The claim ETag (version) the review is based on',
  })
  @ApiCreatedResponse({ type: ClaimDetailDto })
  @ApiConflictResponse({ type: ErrorBody, description: 'The claim was withdrawn' })
  @ApiErrors(403, 404, 412, 413, 415, 428)
  async review(
    @Param('id', uuidParam()) id: string,
    @Body() body: CreateReviewDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ClaimDetailDto> {
    return withEtag(res, await this.claims.review(id, body, ifMatch));
  }

  @Post(':id/withdraw')
  @RequireRole('reviewer')
  @ApiKeyAuth()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw a claim made by mistake',
    description:
      'The claim keeps its history but leaves lists, exports and ClaimReview, and quotes stop carrying its verdict.',
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The claim ETag (version)' })
  @ApiOkResponse({ type: ClaimDetailDto })
  @ApiConflictResponse({ type: ErrorBody, description: 'Already withdrawn' })
  @ApiErrors(403, 404, 412, 413, 415, 428)
  async withdraw(
    @Param('id', uuidParam()) id: string,
    @Body() body: WithdrawClaimDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ClaimDetailDto> {
    return withEtag(res, await this.claims.withdraw(id, body.reason, ifMatch));
  }
}

function withEtag(res: Response, claim: ClaimDetailDto): ClaimDetailDto {
  res.setHeader('ETag', versionEtag(claim.version, claim));
  return claim;
}
