import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@app/common';
import type { QuoteDetailDto } from '@app/quotes';
import { CLAIM_STATUSES, ClaimStatus, VERDICTS, VerdictValue } from '../verdicts';

export class CreateClaimDto {
  @ApiPropertyOptional({
    description: 'Make the claim from this quote (whole, or start/end within its text)',
    format: 'uuid',
    example: '7b0e3c1e-2f4a-4d59-9a43-0c2d6b1f5e11',
  })
  // Absent, not null: null is refused here rather than taken as "given".
  @ValidateIf((_, v) => v !== undefined)
  @IsUUID()
  quoteId?: string;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Span start within the quote text',
    example: 0,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  start?: number;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Span end within the quote text (exclusive)',
    example: 31,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  end?: number;

  @ApiPropertyOptional({
    description:
      'With quoteId: the exact words of the quote the claim is about (instead of start/end). ' +
      'Without quoteId: the claim as free text, with speakerId',
    example: 'No one has been punished just because of his expressions of mind',
  })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  @Matches(/\S/)
  text?: string;

  @ApiPropertyOptional({
    description: 'Who made the free-text claim',
    format: 'uuid',
    example: '7b0e3c1e-2f4a-4d59-9a43-0c2d6b1f5e11',
  })
  @IsOptional()
  @IsUUID()
  speakerId?: string;
}

export class WithdrawClaimDto {
  @ApiProperty({ description: 'Why the claim is withdrawn', example: 'Made from the wrong quote' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class EvidenceDto {
  @ApiProperty({ example: 'https://www.hrw.org/report/2010/…' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url!: string;

  @ApiPropertyOptional({ example: 'Ministry of Finance, annual report 2024' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string;
  @ApiPropertyOptional({ example: 'Table 3, p. 12' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class CreateReviewDto {
  @ApiProperty({ enum: VERDICTS })
  @IsIn(VERDICTS)
  verdict!: VerdictValue;

  @ApiProperty({
    description: 'Why: required',
    example: 'The ministry figures show the opposite for 2024.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  @Matches(/\S/, { message: 'rationale must not be blank' })
  rationale!: string;

  @ApiProperty({ type: [EvidenceDto], required: false })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  evidence: EvidenceDto[] = [];
}

export class ListClaimsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CLAIM_STATUSES })
  @IsOptional()
  @IsIn(CLAIM_STATUSES)
  status?: ClaimStatus;
  @ApiPropertyOptional({
    description: 'Only claims with repeats by other speakers awaiting review',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  flagged?: boolean;
  @ApiPropertyOptional({
    description:
      'Speaker id, or an exact name or alias; a name that fits several speakers is a 409 listing them',
    example: 'Wang Baodong',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  speaker?: string;
}

export class ReviewDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: VERDICTS }) verdict!: VerdictValue;
  @ApiProperty() rationale!: string;
  @ApiProperty({ type: [EvidenceDto] }) evidence!: EvidenceDto[];
  @ApiProperty({ description: 'Reviewer (key name)' }) reviewer!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) reviewerKeyId!: string | null;
  @ApiProperty() at!: string;
  @ApiProperty({ description: 'Claim version the review was made against' }) claimVersion!: number;
}

export class ClaimSpeakerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Wang Baodong' }) name!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'spokesman' }) role!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Chinese embassy in Washington' })
  organization!: string | null;
}

export class ClaimWithdrawalDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Key name of the reviewer' })
  by!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Made from a scare quote' })
  reason!: string | null;
}

export class ClaimSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: CLAIM_STATUSES }) status!: ClaimStatus;
  @ApiProperty() version!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) quoteId!: string | null;
  @ApiPropertyOptional({ type: ClaimSpeakerDto, nullable: true }) speaker!: ClaimSpeakerDto | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reviewedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) createdBy!: string | null;
  @ApiPropertyOptional({
    type: ClaimWithdrawalDto,
    nullable: true,
    description: 'When, by whom and why the claim was withdrawn (null = standing)',
    example: null,
  })
  withdrawn!: ClaimWithdrawalDto | null;
}

export class ClaimOccurrenceDto {
  @ApiProperty({ enum: ['source', 'same-speaker', 'other-speaker'] }) relation!: string;
  @ApiProperty() similarity!: number;
  @ApiProperty({ description: 'Repeated by another speaker: a reviewer should look' })
  needsReview!: boolean;
  // By name: the class is a type-only import (claims must not load the quotes lib's code).
  @ApiProperty({ allOf: [{ $ref: getSchemaPath('QuoteDetailDto') }] }) quote!: QuoteDetailDto;
}

export class ClaimDetailDto extends ClaimSummaryDto {
  @ApiProperty({ type: [ReviewDto], description: 'Every review, oldest first' })
  history!: ReviewDto[];
  @ApiProperty({
    type: [ClaimOccurrenceDto],
    description: 'Every quote that says it, with where it appeared',
  })
  occurrences!: ClaimOccurrenceDto[];
}

export class ClaimPageDto {
  @ApiProperty({ type: [ClaimSummaryDto] }) items!: ClaimSummaryDto[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
}
