import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { RequireRole } from '@app/common';
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
  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;
}

@ApiTags('audit')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'Newest first' })
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
