import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { AcceptsText, ApiCommonErrors, ApiErrors, ReadAccess } from '@app/common';
import { ArticleInputPipe } from './article-input.pipe';
import { ArticlesService } from './articles.service';
import { CreateArticleDto } from './dto/create-article.dto';
import { ExtractPreviewDto } from './dto/extract-preview.dto';

@ApiTags('extract')
@ApiCommonErrors()
@Controller('extract')
export class ExtractController {
  constructor(private readonly articles: ArticlesService) {}

  @Post()
  @AcceptsText()
  @ReadAccess()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Preview extraction on a text without storing anything',
    description: 'The same engine as ingest; a read, so no key is needed unless reads require one.',
  })
  @ApiConsumes('application/json', 'text/plain')
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(CreateArticleDto) }, { type: 'string' }] } })
  @ApiOkResponse({
    type: ExtractPreviewDto,
    description: 'Dry run: nothing is stored. Offsets are into the text sent.',
  })
  @ApiErrors(413, 415)
  extract(@Body(ArticleInputPipe) input: unknown): ExtractPreviewDto {
    const dto = input as CreateArticleDto;
    return this.articles.preview(dto.body, dto.publishedAt ?? null);
  }
}
