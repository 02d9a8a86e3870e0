import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorBody } from '../errors/error-body';

// What each error status means in this API, so every operation documents it the same way.
const MEANING: Record<number, string> = {
  400: 'Invalid input: validation, a malformed cursor, NUL or lone surrogates, JSON too deep',
  401: 'Missing, malformed, unknown or revoked API key (a key that is sent must be valid)',
  403: "The key's role is too low for this operation",
  404: 'No such resource',
  409: 'Conflicts with the current state (a duplicate, an ambiguous name, a resource in use)',
  412: 'If-Match does not match the current version: re-read and retry',
  413: 'Body larger than the configured limit',
  415: 'Unsupported Content-Type',
  422: 'Well-formed but cannot be applied',
  428: 'If-Match is required: send the ETag from a GET',
  429: 'Rate limit or failed-authentication limit reached: see Retry-After',
  503: 'Database busy or unavailable: retry later',
};

function errorResponse(status: number): MethodDecorator & ClassDecorator {
  return ApiResponse({
    status,
    description: MEANING[status] ?? 'Error',
    content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBody) } } },
  });
}

// The error responses an operation can give beyond the ones every route can (ApiCommonErrors).
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map(errorResponse));
}

// On every controller: any route can be rate limited (429), find the database busy (503),
// refuse a bad input string or cursor (400), and refuse a key that is sent but not valid (401).
export function ApiCommonErrors(): ClassDecorator {
  return applyDecorators(...[400, 401, 429, 503].map(errorResponse));
}

// The security scheme's name in the document (configure-app declares it).
export const API_KEY_SCHEME = 'apiKey';

// An operation that needs an API key (a role).
export function ApiKeyAuth(): MethodDecorator & ClassDecorator {
  return ApiBearerAuth(API_KEY_SCHEME);
}
