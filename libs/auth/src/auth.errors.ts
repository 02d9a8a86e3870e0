import { AppError, assertNever } from '@app/common';

export enum AuthErrorCode {
  MissingKey = 'MISSING_API_KEY',
  InvalidKey = 'INVALID_API_KEY',
  Forbidden = 'FORBIDDEN',
  KeyNotFound = 'KEY_NOT_FOUND',
  RateLimited = 'RATE_LIMITED',
  TooManyFailedAttempts = 'TOO_MANY_FAILED_ATTEMPTS',
}

export class AuthError extends AppError<AuthErrorCode> {
  get status(): number {
    switch (this.code) {
      case AuthErrorCode.MissingKey:
      case AuthErrorCode.InvalidKey:
        return 401;
      case AuthErrorCode.Forbidden:
        return 403;
      case AuthErrorCode.KeyNotFound:
        return 404;
      case AuthErrorCode.RateLimited:
      case AuthErrorCode.TooManyFailedAttempts:
        return 429;
      default:
        return assertNever(this.code);
    }
  }
}
