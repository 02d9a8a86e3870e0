import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiCommonErrors, ApiErrors, ApiKeyAuth, requestContext, uuidParam } from '@app/common';
import { RequireRole } from '@app/common';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto, WhoAmIDto } from './dto/api-key.dto';

@ApiTags('keys')
@ApiKeyAuth()
@ApiCommonErrors()
@RequireRole('admin')
@Controller('keys')
export class KeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Issue an API key for a person and role (admin)' })
  @ApiErrors(403, 413, 415)
  @ApiCreatedResponse({
    type: CreatedApiKeyDto,
    description: 'The key is in the response once; only its hash is stored',
  })
  create(@Body() body: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.keys.create(body.name.trim(), body.role);
  }

  // Any valid key may ask who it is: the console shows the role and hides what it may not do.
  @Get('me')
  @RequireRole('journalist')
  @ApiOperation({ summary: 'Who the key sent belongs to, and its role' })
  @ApiOkResponse({ type: WhoAmIDto, description: 'The name and role of the key sent' })
  me(): WhoAmIDto {
    const { name, role } = requestContext.get().actor;
    return { name, role: role ?? 'journalist' };
  }

  @Get()
  @ApiOperation({ summary: 'List API keys, revoked ones included (admin)' })
  @ApiErrors(403)
  @ApiOkResponse({ type: [ApiKeyDto] })
  list(): Promise<ApiKeyDto[]> {
    return this.keys.list();
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke an API key (admin)',
    description: 'Takes effect at once on every instance.',
  })
  @ApiErrors(403, 404)
  @ApiNoContentResponse({ description: 'Revoked' })
  revoke(@Param('id', uuidParam()) id: string): Promise<void> {
    return this.keys.revoke(id);
  }
}
