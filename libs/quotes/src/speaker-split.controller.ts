import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommonErrors, ApiErrors, ApiKeyAuth, RequireRole, uuidParam } from '@app/common';
import { SplitSpeakerDto, SplitSpeakerResultDto } from './dto/quote-query.dto';
import { QuotesService } from './quotes.service';

// Lives with the quotes: splitting a speaker is moving quotes, and speakers cannot call quotes.
@ApiTags('speakers')
@ApiCommonErrors()
@Controller('speakers')
export class SpeakerSplitController {
  constructor(private readonly quotes: QuotesService) {}

  @Post(':id/split')
  @RequireRole('reviewer')
  @ApiKeyAuth()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Split a speaker who is really two people',
    description:
      'Moves the chosen quotes to an existing speaker or to a new one, each as an audited speaker correction; their claims follow.',
  })
  @ApiOkResponse({ type: SplitSpeakerResultDto })
  @ApiErrors(403, 404, 409, 413, 415)
  split(
    @Param('id', uuidParam()) id: string,
    @Body() body: SplitSpeakerDto,
  ): Promise<SplitSpeakerResultDto> {
    return this.quotes.split(id, body);
  }
}
