import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ErrorBody, uuidParam } from '@app/common';
import { RequireRole } from '@app/common';
import {
  MergeSpeakersDto,
  SearchSpeakersQuery,
  SpeakerHitDto,
  SpeakerProfileDto,
} from './dto/speaker.dto';
import { SpeakersService } from './speakers.service';

@ApiTags('speakers')
@Controller('speakers')
export class SpeakersController {
  constructor(private readonly speakers: SpeakersService) {}

  @Get()
  @ApiOkResponse({ type: [SpeakerHitDto] })
  search(@Query() query: SearchSpeakersQuery): Promise<SpeakerHitDto[]> {
    return this.speakers.search(query.q, query.limit);
  }

  @Get(':id')
  @ApiOkResponse({ type: SpeakerProfileDto })
  @ApiNotFoundResponse({ type: ErrorBody })
  profile(@Param('id', uuidParam()) id: string): Promise<SpeakerProfileDto> {
    return this.speakers.profile(id);
  }

  @Post(':id/merge')
  @RequireRole('reviewer')
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOkResponse({ type: SpeakerProfileDto, description: 'The merged profile' })
  merge(
    @Param('id', uuidParam()) id: string,
    @Body() body: MergeSpeakersDto,
  ): Promise<SpeakerProfileDto> {
    return this.speakers.merge(id, body.from);
  }
}
