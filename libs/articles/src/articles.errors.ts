import { AppError, assertNever } from '@app/common';

export enum ArticlesErrorCode {
  NotFound = 'ARTICLE_NOT_FOUND',
  InvalidText = 'INVALID_TEXT',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  InvalidCursor = 'INVALID_CURSOR',
}

export class ArticlesError extends AppError<ArticlesErrorCode> {
  get status(): number {
    switch (this.code) {
      case ArticlesErrorCode.NotFound:
        return 404;
      case ArticlesErrorCode.InvalidText:
      case ArticlesErrorCode.InvalidCursor:
        return 400;
      case ArticlesErrorCode.UnsupportedMediaType:
        return 415;
      default:
        return assertNever(this.code);
    }
  }
}
