import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorBody, requestContext, uuidParam } from '@app/common';
import { RequireRole } from '@app/common';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto, WhoAmIDto } from './dto/api-key.dto';

@ApiTags('keys')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBody })
@ApiForbiddenResponse({ type: ErrorBody })
@RequireRole('admin')
@Controller('keys')
export class KeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
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
  @ApiOkResponse({ type: WhoAmIDto, description: 'The name and role of the key sent' })
  me(): WhoAmIDto {
    const { name, role } = requestContext.get().actor;
    return { name, role: role ?? 'journalist' };
  }

  @Get()
  @ApiOkResponse({ type: [ApiKeyDto] })
  list(): Promise<ApiKeyDto[]> {
    return this.keys.list();
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked' })
  revoke(@Param('id', uuidParam()) id: string): Promise<void> {
    return this.keys.revoke(id);
  }
}
