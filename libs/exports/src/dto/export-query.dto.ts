import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { QuoteFilterQuery } from '@app/quotes';
import { OmitType } from '@nestjs/swagger';

export const SHEET_FORMATS = ['csv', 'json', 'md', 'xlsx'] as const;
export type SheetFormatName = (typeof SHEET_FORMATS)[number];

// The filters of GET /quotes (without paging) plus a format.
export class QuoteSheetQuery extends OmitType(QuoteFilterQuery, ['limit', 'cursor'] as const) {
  @ApiPropertyOptional({ enum: SHEET_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(SHEET_FORMATS)
  format: SheetFormatName = 'csv';
}

export class ClaimReviewQuery {
  @ApiPropertyOptional({ description: 'One claim only' })
  @IsOptional()
  @IsUUID()
  claim?: string;
}
