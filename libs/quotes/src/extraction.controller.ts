import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommonErrors, ApiErrors, ApiKeyAuth, RequireRole } from '@app/common';
import { ExtractionStatusDto } from './dto/extraction-status.dto';
import { ReextractService } from './reextract.service';

@ApiTags('extraction')
@ApiKeyAuth()
@ApiCommonErrors()
@ApiErrors(403)
@RequireRole('admin')
@Controller('extraction')
export class ExtractionController {
  constructor(private readonly reextract: ReextractService) {}

  @Get('status')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Extraction progress: articles by state and engine version',
    description:
      'How far the queue is (pending, failed with errors) and how many articles an older engine extracted (stale). Counts every article: meant for an admin watching a re-extraction, not for polling in a loop.',
  })
  @ApiOkResponse({ type: ExtractionStatusDto })
  status(): Promise<ExtractionStatusDto> {
    return this.reextract.status();
  }
}
