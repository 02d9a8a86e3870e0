import { AppError, assertNever } from '@app/common';

export enum ArticlesErrorCode {
  NotFound = 'ARTICLE_NOT_FOUND',
  InvalidText = 'INVALID_TEXT',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  InvalidFilter = 'INVALID_FILTER',
  EmptyPatch = 'EMPTY_PATCH',
  InvalidVersion = 'INVALID_VERSION',
  VersionMismatch = 'VERSION_MISMATCH',
}

export class ArticlesError extends AppError<ArticlesErrorCode> {
  get status(): number {
    switch (this.code) {
      case ArticlesErrorCode.NotFound:
        return 404;
      case ArticlesErrorCode.InvalidText:
      case ArticlesErrorCode.InvalidFilter:
      case ArticlesErrorCode.EmptyPatch:
      case ArticlesErrorCode.InvalidVersion:
        return 400;
      case ArticlesErrorCode.VersionMismatch:
        return 412;
      case ArticlesErrorCode.UnsupportedMediaType:
        return 415;
      default:
        return assertNever(this.code);
    }
  }
}
