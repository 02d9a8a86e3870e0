import { AppError, assertNever } from '@app/common';

export enum ClaimsErrorCode {
  NotFound = 'CLAIM_NOT_FOUND',
  QuoteNotFound = 'QUOTE_NOT_FOUND',
  SpeakerNotFound = 'SPEAKER_NOT_FOUND',
  BadSource = 'BAD_CLAIM_SOURCE',
  BadSpan = 'BAD_SPAN',
  Duplicate = 'CLAIM_EXISTS',
  Conflict = 'CONCURRENT_CHANGE',
  VersionRequired = 'IF_MATCH_REQUIRED',
  VersionMismatch = 'VERSION_MISMATCH',
  Withdrawn = 'CLAIM_WITHDRAWN',
  SpanNotInQuote = 'SPAN_NOT_IN_QUOTE',
}

export class ClaimsError extends AppError<ClaimsErrorCode> {
  get status(): number {
    switch (this.code) {
      case ClaimsErrorCode.NotFound:
        return 404;
      case ClaimsErrorCode.QuoteNotFound:
      case ClaimsErrorCode.SpeakerNotFound:
        return 422;
      case ClaimsErrorCode.BadSource:
      case ClaimsErrorCode.BadSpan:
        return 400;
      case ClaimsErrorCode.SpanNotInQuote:
        return 400;
      case ClaimsErrorCode.Duplicate:
      case ClaimsErrorCode.Withdrawn:
      case ClaimsErrorCode.Conflict:
        return 409;
      case ClaimsErrorCode.VersionRequired:
        return 428;
      case ClaimsErrorCode.VersionMismatch:
        return 412;
      default:
        return assertNever(this.code);
    }
  }
}
