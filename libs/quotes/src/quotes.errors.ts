import { AppError, assertNever } from '@app/common';

export enum QuotesErrorCode {
  NotFound = 'QUOTE_NOT_FOUND',
  SpeakerNotFound = 'SPEAKER_NOT_FOUND',
  EmptyPatch = 'EMPTY_PATCH',
  VersionMismatch = 'VERSION_MISMATCH',
  InvalidVersion = 'INVALID_VERSION',
  InvalidFilter = 'INVALID_FILTER',
  NotBySpeaker = 'QUOTE_NOT_BY_SPEAKER',
  BadSplit = 'BAD_SPLIT',
}

export class QuotesError extends AppError<QuotesErrorCode> {
  get status(): number {
    switch (this.code) {
      case QuotesErrorCode.NotFound:
        return 404;
      case QuotesErrorCode.EmptyPatch:
      case QuotesErrorCode.InvalidVersion:
      case QuotesErrorCode.InvalidFilter:
      case QuotesErrorCode.BadSplit:
        return 400;
      case QuotesErrorCode.NotBySpeaker:
        return 409;
      case QuotesErrorCode.SpeakerNotFound:
        return 422;
      case QuotesErrorCode.VersionMismatch:
        return 412;
      default:
        return assertNever(this.code);
    }
  }
}
