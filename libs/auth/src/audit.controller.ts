import { Controller, Get, Header, Query } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ApiCommonErrors, ApiErrors, ApiKeyAuth, RequireRole } from '@app/common';
import { AuditService } from './audit.service';
import { AuditEntryEntity } from './entities/audit-entry.entity';

export class AuditQueryDto {
  @ApiPropertyOptional({ example: 'claim.review' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;
  @ApiPropertyOptional({ example: 'claim' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  targetType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) targetId?: string;
  @ApiPropertyOptional({ description: 'Entries older than this id (paging)' })
  @IsOptional()
  @Matches(/^\d{1,18}$/)
  before?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;
}

export class AuditEntryDto {
  @ApiProperty({ example: '1042' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'claim.review' }) action!: string;
  @ApiProperty({ example: 'claim' }) targetType!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) targetId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) actorKeyId!: string | null;
  @ApiProperty({ example: 'Rita Reviewer' }) actorName!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'reviewer' })
  actorRole!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) requestId!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'The record before (free-form JSON)' })
  before!: unknown;
  @ApiPropertyOptional({ nullable: true, description: 'The record after (free-form JSON)' })
  after!: unknown;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Pass as `before` for the next page',
  })
  nextBefore!: string | null;
}

@ApiTags('audit')
@ApiKeyAuth()
@ApiCommonErrors()
@ApiErrors(403)
@RequireRole('admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Read the audit trail: who changed what, when, before and after' })
  @ApiOkResponse({ type: AuditPageDto, description: 'Newest first' })
  async list(
    @Query() q: AuditQueryDto,
  ): Promise<{ items: AuditEntryEntity[]; nextBefore: string | null }> {
    const items = await this.audit.list({
      action: q.action,
      targetType: q.targetType,
      targetId: q.targetId,
      beforeId: q.before,
      limit: q.limit,
    });
    return { items, nextBefore: items.length === q.limit ? items[items.length - 1].id : null };
  }
}
