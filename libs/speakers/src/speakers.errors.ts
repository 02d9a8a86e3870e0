import { AppError, assertNever } from '@app/common';

export enum SpeakersErrorCode {
  NotFound = 'SPEAKER_NOT_FOUND',
  Merged = 'SPEAKER_MERGED',
  MergeIntoItself = 'MERGE_INTO_ITSELF',
  InUse = 'SPEAKER_IN_USE',
  AmbiguousName = 'SPEAKER_NAME_AMBIGUOUS',
  AffiliationNotFound = 'AFFILIATION_NOT_FOUND',
  DuplicateAffiliation = 'AFFILIATION_EXISTS',
  EmptyAffiliation = 'AFFILIATION_EMPTY',
  BadDates = 'AFFILIATION_DATES',
  InvalidVersion = 'INVALID_VERSION',
  VersionMismatch = 'VERSION_MISMATCH',
  MergeConflict = 'MERGE_CONFLICT',
}

export class SpeakersError extends AppError<SpeakersErrorCode> {
  get status(): number {
    switch (this.code) {
      case SpeakersErrorCode.NotFound:
      case SpeakersErrorCode.AffiliationNotFound:
        return 404;
      // A merged speaker's old id: the body names the survivor (details.mergedInto).
      case SpeakersErrorCode.Merged:
        return 404;
      case SpeakersErrorCode.MergeIntoItself:
      case SpeakersErrorCode.InUse:
      case SpeakersErrorCode.AmbiguousName:
      case SpeakersErrorCode.DuplicateAffiliation:
      case SpeakersErrorCode.MergeConflict:
        return 409;
      case SpeakersErrorCode.EmptyAffiliation:
      case SpeakersErrorCode.BadDates:
      case SpeakersErrorCode.InvalidVersion:
        return 400;
      case SpeakersErrorCode.VersionMismatch:
        return 412;
      default:
        return assertNever(this.code);
    }
  }
}
