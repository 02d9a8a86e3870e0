import {
  Body,
  Controller,
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
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiAcceptedResponse,
  ApiQuery,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  AcceptsText,
  ApiCommonErrors,
  ApiErrors,
  ApiKeyAuth,
  RequireRole,
  uuidParam,
  versionEtag,
} from '@app/common';
import type { Response } from 'express';
import { BATCH_SIZE, BatchItemResult, parseBatchLine } from './article-batch';
import { ArticleInputPipe } from './article-input.pipe';
import { ArticlesError, ArticlesErrorCode } from './articles.errors';
import { ArticleEditor } from './article-editor.service';
import { ArticlesService } from './articles.service';
import { ArticleListQuery } from './dto/article-query.dto';
import { ArticleDto, ArticlePageDto, IngestResponseDto } from './dto/article-response.dto';
import { CreateArticleDto } from './dto/create-article.dto';
import { PatchArticleDto } from './dto/patch-article.dto';

@ApiTags('articles')
@ApiCommonErrors()
@ApiExtraModels(CreateArticleDto)
@Controller('articles')
export class ArticlesController {
  constructor(
    private readonly articles: ArticlesService,
    private readonly editor: ArticleEditor,
  ) {}

  @Post()
  @AcceptsText()
  @RequireRole('reviewer')
  @ApiKeyAuth()
  @ApiOperation({
    summary: 'Ingest a document: store its articles and extract their quotes',
    description:
      'JSON with metadata, or a raw text file as in seeds/. Content-addressed: the same text twice is stored once.',
  })
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
    description:
      'Same text was ingested before: nothing stored or changed, not even title, url, publisher or date (content addressing; see `note`). Edit those with PATCH /articles/{id}',
  })
  @ApiAcceptedResponse({
    type: IngestResponseDto,
    description:
      'With `Prefer: respond-async` or `?async=true`: the document and its articles are stored, their quotes are extracted by a queue worker; follow `articles[].extraction.status` with GET /articles/{id}',
  })
  @ApiHeader({ name: 'Prefer', required: false, description: '`respond-async` (RFC 7240): 202' })
  @ApiQuery({ name: 'async', required: false, enum: ['true', 'false'] })
  @ApiErrors(403, 413, 415)
  async create(
    @Body(ArticleInputPipe) input: unknown,
    @Headers('prefer') prefer: string | undefined,
    @Query('async') asyncParam: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IngestResponseDto> {
    const deferred = wantsAsync(prefer, asyncParam);
    const result = await this.articles.ingest(
      { ...(input as CreateArticleDto), source: 'api' },
      deferred,
    );
    // A re-post stores nothing and queues nothing: it stays 200.
    if (deferred && result.document.created) {
      res.status(202);
      res.setHeader('Preference-Applied', 'respond-async');
    } else res.status(result.document.created ? 201 : 200);
    return result;
  }

  @Post('batch')
  @AcceptsText()
  @RequireRole('reviewer')
  @HttpCode(200)
  @ApiKeyAuth()
  @ApiOperation({
    summary: 'Ingest many documents at once (NDJSON in, a result line per document out)',
  })
  @ApiConsumes('application/x-ndjson')
  @ApiProduces('application/x-ndjson')
  @ApiBody({
    schema: { type: 'string', description: 'One JSON CreateArticleDto a line (NDJSON)' },
  })
  @ApiOkResponse({
    description:
      'One line a document, in order: {line, status: 201|200, document, articles} or {line, status: 4xx, error}. A bad line fails only itself',
  })
  @ApiErrors(403, 413, 415)
  async batch(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    if (typeof body !== 'string' || !/^application\/x-ndjson\b/i.test(contentType ?? ''))
      throw new ArticlesError(
        ArticlesErrorCode.UnsupportedMediaType,
        'Send application/x-ndjson: one JSON {body, title?, url?, publisher?, publishedAt?} a line',
      );
    const lines = body
      .split('\n')
      .map((text, i) => ({ line: i + 1, text: text.trim() }))
      .filter((l) => l.text !== '');
    if (lines.length === 0)
      throw new ArticlesError(ArticlesErrorCode.InvalidText, 'No documents: send one JSON a line', {
        field: 'body',
      });
    // Every line is checked before anything is stored or any byte of the answer is sent.
    const parsed = await Promise.all(lines.map((l) => parseBatchLine(l.text)));
    res.status(200).type('application/x-ndjson');
    for (let start = 0; start < lines.length; start += BATCH_SIZE) {
      const chunk = parsed.slice(start, start + BATCH_SIZE);
      const good = chunk.flatMap((p, k) => ('body' in p ? [{ k, input: p }] : []));
      const stored = await this.articles.ingestBatch(
        good.map((g) => ({ ...g.input, source: 'api' as const })),
      );
      const out: BatchItemResult[] = chunk.map((p) => p as BatchItemResult);
      good.forEach((g, j) => (out[g.k] = stored[j]));
      res.write(
        out.map((r, k) => `${JSON.stringify({ line: lines[start + k].line, ...r })}\n`).join(''),
      );
    }
    res.end();
  }

  @Get()
  @ApiOperation({ summary: 'List articles, filtered by publisher, date and text' })
  @ApiOkResponse({ type: ArticlePageDto, description: 'Newest first (by ingest order)' })
  list(@Query() query: ArticleListQuery): Promise<ArticlePageDto> {
    return this.articles.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An article with its text, sources and quotes (with offsets)' })
  @ApiOkResponse({
    type: ArticleDto,
    headers: { ETag: { description: 'The article version, for If-Match on PATCH' } },
  })
  @ApiErrors(404)
  async get(
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ArticleDto> {
    const article = await this.articles.get(id);
    res.setHeader('ETag', versionEtag(article.version, article));
    return article;
  }

  @Patch(':id')
  @RequireRole('reviewer')
  @ApiKeyAuth()
  @ApiOperation({
    summary: "Correct an article's title, url, publisher or published date",
    description: 'Send null to clear a field. Date filters and exports use the published date.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'Version ETag from GET (or *); 412 when stale',
  })
  @ApiOkResponse({ type: ArticleDto, description: 'The article after the change; audited' })
  @ApiErrors(403, 404, 412, 413, 415)
  async update(
    @Param('id', uuidParam()) id: string,
    @Body() patch: PatchArticleDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ArticleDto> {
    const article = await this.editor.update(id, patch, ifMatch);
    res.setHeader('ETag', versionEtag(article.version, article));
    return article;
  }
}

// RFC 7240: `Prefer: respond-async` among the header's comma-separated preferences; or
// `?async=true` for clients that cannot set headers. Anything else in `async` is the client's error.
function wantsAsync(prefer: string | undefined, asyncParam: unknown): boolean {
  if (asyncParam !== undefined && asyncParam !== 'true' && asyncParam !== 'false') {
    throw new ArticlesError(ArticlesErrorCode.InvalidFilter, 'async must be true or false', {
      field: 'async',
    });
  }
  if (asyncParam === 'true') return true;
  return (prefer ?? '')
    .split(',')
    .some((p) => p.split(';')[0].trim().toLowerCase() === 'respond-async');
}
