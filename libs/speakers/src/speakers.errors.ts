import { AppError, assertNever } from '@app/common';

export enum SpeakersErrorCode {
  NotFound = 'SPEAKER_NOT_FOUND',
  MergeIntoItself = 'MERGE_INTO_ITSELF',
}

export class SpeakersError extends AppError<SpeakersErrorCode> {
  get status(): number {
    switch (this.code) {
      case SpeakersErrorCode.NotFound:
        return 404;
      case SpeakersErrorCode.MergeIntoItself:
        return 409;
      default:
        return assertNever(this.code);
    }
  }
}
