import { AppError, assertNever } from './app-error';

// Input refused before it reaches a service or SQL; shared by every endpoint.
export enum InputErrorCode {
  NulCharacter = 'NUL_CHARACTER',
  LoneSurrogate = 'LONE_SURROGATE',
  JsonTooDeep = 'JSON_TOO_DEEP',
  TooManyItems = 'TOO_MANY_ITEMS',
  InvalidCursor = 'INVALID_CURSOR',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
}

export class InputError extends AppError<InputErrorCode> {
  get status(): number {
    switch (this.code) {
      case InputErrorCode.NulCharacter:
      case InputErrorCode.LoneSurrogate:
      case InputErrorCode.JsonTooDeep:
      case InputErrorCode.TooManyItems:
      case InputErrorCode.InvalidCursor:
        return 400;
      case InputErrorCode.UnsupportedMediaType:
        return 415;
      default:
        return assertNever(this.code);
    }
  }
}
