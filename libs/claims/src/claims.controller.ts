import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiHeader,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBody, uuidParam, versionEtag } from '@app/common';
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
@ApiBearerAuth()
@Controller('claims')
export class ClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Post()
  @RequireRole('reviewer')
  @ApiCreatedResponse({ type: ClaimDetailDto })
  @ApiConflictResponse({ type: ErrorBody, description: 'This quote (span) already has a claim' })
  async create(
    @Body() body: CreateClaimDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ClaimDetailDto> {
    return withEtag(res, await this.claims.create(body));
  }

  @Get()
  @ApiOkResponse({ type: ClaimPageDto })
  list(@Query() query: ListClaimsQuery): Promise<ClaimPageDto> {
    return this.claims.list(query);
  }

  @Get(':id')
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
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The claim ETag (version) the review is based on',
  })
  @ApiCreatedResponse({ type: ClaimDetailDto })
  @ApiPreconditionFailedResponse({ type: ErrorBody, description: 'Stale If-Match' })
  @ApiResponse({ status: 428, type: ErrorBody, description: 'If-Match missing' })
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
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw a claim made by mistake',
    description:
      'The claim keeps its history but leaves lists, exports and ClaimReview, and quotes stop carrying its verdict.',
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The claim ETag (version)' })
  @ApiOkResponse({ type: ClaimDetailDto })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'Already withdrawn' })
  @ApiPreconditionFailedResponse({ type: ErrorBody, description: 'Stale If-Match' })
  @ApiResponse({ status: 428, type: ErrorBody, description: 'If-Match missing' })
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
