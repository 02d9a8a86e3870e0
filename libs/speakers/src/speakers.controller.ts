import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPermanentRedirectResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApiCommonErrors,
  ApiErrors,
  ApiKeyAuth,
  ErrorBody,
  RequireRole,
  uuidParam,
  versionEtag,
} from '@app/common';
import {
  AffiliationInputDto,
  CreateSpeakerDto,
  MergeSpeakersDto,
  SearchSpeakersQuery,
  SpeakerHitDto,
  SpeakerPageDto,
  SpeakerProfileDto,
  UpdateSpeakerDto,
} from './dto/speaker.dto';
import { SpeakerEditor } from './speaker-editor.service';
import { SpeakersError, SpeakersErrorCode } from './speakers.errors';
import { SpeakersService } from './speakers.service';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'The speaker version ETag; 412 when stale',
};

@ApiTags('speakers')
@ApiCommonErrors()
@ApiExtraModels(SpeakerHitDto, SpeakerPageDto)
@Controller('speakers')
export class SpeakersController {
  constructor(
    private readonly speakers: SpeakersService,
    private readonly editor: SpeakerEditor,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Search speakers by name, or list them',
    description:
      'With `q`: names, aliases and native-script names, typos tolerated, best first (an array). ' +
      'Without `q`: every speaker, by name or newest first, cursor paged.',
  })
  @ApiOkResponse({
    schema: {
      oneOf: [
        { type: 'array', items: { $ref: getSchemaPath(SpeakerHitDto) } },
        { $ref: getSchemaPath(SpeakerPageDto) },
      ],
    },
  })
  search(@Query() query: SearchSpeakersQuery): Promise<SpeakerHitDto[] | SpeakerPageDto> {
    return query.q === undefined
      ? this.speakers.list(query.sort, query.limit, query.cursor)
      : this.speakers.search(query.q, query.limit);
  }

  @Post()
  @RequireRole('reviewer')
  @ApiKeyAuth()
  @ApiOperation({ summary: 'Create a speaker the engine missed' })
  @ApiCreatedResponse({ type: SpeakerProfileDto })
  @ApiErrors(403, 413, 415)
  create(@Body() body: CreateSpeakerDto): Promise<SpeakerProfileDto> {
    return this.editor.create(body);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A speaker profile: names, affiliations over time, quotes and verdict counts',
  })
  @ApiOkResponse({ type: SpeakerProfileDto })
  @ApiPermanentRedirectResponse({
    type: ErrorBody,
    description: 'The speaker was merged: Location and details.mergedInto name the survivor',
  })
  @ApiErrors(404)
  async profile(
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SpeakerProfileDto | ErrorBodyLike> {
    try {
      const profile = await this.speakers.profile(id);
      res.setHeader('ETag', versionEtag(profile.version, profile));
      return profile;
    } catch (err) {
      if (!(err instanceof SpeakersError) || err.code !== SpeakersErrorCode.Merged) throw err;
      const into = String(err.details?.mergedInto);
      res.status(308).location(`/api/v1/speakers/${into}`);
      return {
        statusCode: 308,
        error: 'Permanent Redirect',
        message: err.message,
        details: { code: err.code, mergedInto: into },
      };
    }
  }

  @Patch(':id')
  @RequireRole('reviewer')
  @ApiKeyAuth()
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Correct a name, native-script name, aliases or kind' })
  @ApiOkResponse({ type: SpeakerProfileDto })
  @ApiErrors(403, 404, 412, 413, 415)
  update(
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateSpeakerDto,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<SpeakerProfileDto> {
    return this.editor.update(id, body, ifMatch);
  }

  @Delete(':id')
  @RequireRole('reviewer')
  @ApiKeyAuth()
  @ApiHeader(IF_MATCH)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a speaker with no quotes and no claims' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ type: ErrorBody, description: 'Quotes or claims still name the speaker' })
  @ApiErrors(403, 404, 412)
  async remove(
    @Param('id', uuidParam()) id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.editor.delete(id, ifMatch);
  }

  @Post(':id/affiliations')
  @RequireRole('reviewer')
  @ApiKeyAuth()
  @ApiOperation({ summary: 'Add a role at an organisation, with the dates it was held' })
  @ApiCreatedResponse({ type: SpeakerProfileDto })
  @ApiConflictResponse({ type: ErrorBody, description: 'The same affiliation is already there' })
  @ApiErrors(403, 404, 413, 415)
  addAffiliation(
    @Param('id', uuidParam()) id: string,
    @Body() body: AffiliationInputDto,
  ): Promise<SpeakerProfileDto> {
    return this.editor.addAffiliation(id, body);
  }

  @Patch(':id/affiliations/:affiliationId')
  @RequireRole('reviewer')
  @ApiKeyAuth()
  @ApiOperation({ summary: 'Correct an affiliation (role, organisation, dates)' })
  @ApiOkResponse({ type: SpeakerProfileDto })
  @ApiConflictResponse({ type: ErrorBody, description: 'The same affiliation is already there' })
  @ApiErrors(403, 404, 413, 415)
  updateAffiliation(
    @Param('id', uuidParam()) id: string,
    @Param('affiliationId', uuidParam('affiliationId')) affiliationId: string,
    @Body() body: AffiliationInputDto,
  ): Promise<SpeakerProfileDto> {
    return this.editor.updateAffiliation(id, affiliationId, body);
  }

  @Delete(':id/affiliations/:affiliationId')
  @RequireRole('reviewer')
  @ApiKeyAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a wrong affiliation' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(403, 404)
  async removeAffiliation(
    @Param('id', uuidParam()) id: string,
    @Param('affiliationId', uuidParam('affiliationId')) affiliationId: string,
  ): Promise<void> {
    await this.editor.deleteAffiliation(id, affiliationId);
  }

  @Post(':id/merge')
  @RequireRole('reviewer')
  @ApiKeyAuth()
  @HttpCode(200)
  @ApiOperation({ summary: 'Fold duplicate speakers into this one' })
  @ApiOkResponse({ type: SpeakerProfileDto, description: 'The merged profile' })
  @ApiErrors(403, 413, 415)
  @ApiNotFoundResponse({ type: ErrorBody, description: 'A speaker is unknown or was merged away' })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'Merge into itself, or a duplicate merged elsewhere meanwhile',
  })
  merge(
    @Param('id', uuidParam()) id: string,
    @Body() body: MergeSpeakersDto,
  ): Promise<SpeakerProfileDto> {
    return this.speakers.merge(id, body.from);
  }
}

interface ErrorBodyLike {
  statusCode: number;
  error: string;
  message: string;
  details: Record<string, unknown>;
}
