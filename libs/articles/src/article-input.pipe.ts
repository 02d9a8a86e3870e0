import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { validationPipe } from '@app/common';
import { ArticlesError, ArticlesErrorCode } from './articles.errors';
import { CreateArticleDto } from './dto/create-article.dto';
import { withoutBom } from './article-text';

// POST /articles takes JSON (validated as CreateArticleDto) or text/plain (a raw file).
// Anything the body parsers did not read arrives as undefined or {}: wrong content type.
@Injectable()
export class ArticleInputPipe implements PipeTransform<unknown, Promise<CreateArticleDto>> {
  private readonly validator = validationPipe();

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<CreateArticleDto> {
    if (typeof value === 'string')
      return Object.assign(new CreateArticleDto(), { body: withoutBom(value) });
    if (value === undefined || value === null) {
      throw new ArticlesError(
        ArticlesErrorCode.UnsupportedMediaType,
        'Send application/json {body, title?, url?, publisher?, publishedAt?} or text/plain',
      );
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new ArticlesError(ArticlesErrorCode.InvalidText, 'JSON body must be an object', {
        field: 'body',
      });
    }
    const dto = (await this.validator.transform(value, {
      ...metadata,
      metatype: CreateArticleDto,
    })) as CreateArticleDto;
    return Object.assign(dto, { body: withoutBom(dto.body) });
  }
}
