import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { AcceptsText, ErrorBody, PageQuery, RequireRole, uuidParam } from '@app/common';
import type { Response } from 'express';
import { ArticleInputPipe } from './article-input.pipe';
import { ArticlesService } from './articles.service';
import { ArticleDto, ArticlePageDto, IngestResponseDto } from './dto/article-response.dto';
import { CreateArticleDto } from './dto/create-article.dto';

@ApiTags('articles')
@Controller('articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Post()
  @AcceptsText()
  @RequireRole('reviewer')
  @ApiBearerAuth()
  @ApiConsumes('application/json', 'text/plain')
  @ApiBody({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(CreateArticleDto) },
        { type: 'string', description: 'a raw file as in seeds/' },
      ],
    },
  })
  @ApiCreatedResponse({ type: IngestResponseDto, description: 'New document stored' })
  @ApiOkResponse({
    type: IngestResponseDto,
    description: 'Same text was ingested before; nothing stored',
  })
  @ApiBadRequestResponse({ type: ErrorBody })
  @ApiPayloadTooLargeResponse({ type: ErrorBody })
  async create(
    @Body(ArticleInputPipe) input: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IngestResponseDto> {
    const result = await this.articles.ingest({ ...(input as CreateArticleDto), source: 'api' });
    res.status(result.document.created ? 201 : 200);
    return result;
  }

  @Get()
  @ApiOkResponse({ type: ArticlePageDto })
  list(@Query() page: PageQuery): Promise<ArticlePageDto> {
    return this.articles.list(page.limit, page.cursor);
  }

  @Get(':id')
  @ApiOkResponse({ type: ArticleDto })
  @ApiNotFoundResponse({ type: ErrorBody })
  get(@Param('id', uuidParam()) id: string): Promise<ArticleDto> {
    return this.articles.get(id);
  }
}
