import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBody, RequireRole, uuidParam } from '@app/common';
import { SplitSpeakerDto, SplitSpeakerResultDto } from './dto/quote-query.dto';
import { QuotesService } from './quotes.service';

// Lives with the quotes: splitting a speaker is moving quotes, and speakers cannot call quotes.
@ApiTags('speakers')
@Controller('speakers')
export class SpeakerSplitController {
  constructor(private readonly quotes: QuotesService) {}

  @Post(':id/split')
  @RequireRole('reviewer')
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Split a speaker who is really two people',
    description:
      'Moves the chosen quotes to an existing speaker or to a new one, each as an audited speaker correction; their claims follow.',
  })
  @ApiOkResponse({ type: SplitSpeakerResultDto })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'A quote is not this speaker’s' })
  split(
    @Param('id', uuidParam()) id: string,
    @Body() body: SplitSpeakerDto,
  ): Promise<SplitSpeakerResultDto> {
    return this.quotes.split(id, body);
  }
}
