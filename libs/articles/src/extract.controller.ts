import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { AcceptsText, ReadAccess } from '@app/common';
import { ArticleInputPipe } from './article-input.pipe';
import { ArticlesService } from './articles.service';
import { CreateArticleDto } from './dto/create-article.dto';
import { ExtractPreviewDto } from './dto/extract-preview.dto';

@ApiTags('extract')
@Controller('extract')
export class ExtractController {
  constructor(private readonly articles: ArticlesService) {}

  @Post()
  @AcceptsText()
  @ReadAccess()
  @HttpCode(200)
  @ApiConsumes('application/json', 'text/plain')
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(CreateArticleDto) }, { type: 'string' }] } })
  @ApiOkResponse({
    type: ExtractPreviewDto,
    description: 'Dry run: nothing is stored. Offsets are into the text sent.',
  })
  extract(@Body(ArticleInputPipe) input: unknown): ExtractPreviewDto {
    const dto = input as CreateArticleDto;
    return this.articles.preview(dto.body, dto.publishedAt ?? null);
  }
}
