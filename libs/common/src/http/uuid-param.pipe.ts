import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';

// `:id` path parameters: a non-UUID is a 400 naming the parameter, not a lookup.
export function uuidParam(name = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      new BadRequestException({
        message: `${name} must be a UUID`,
        details: { code: 'INVALID_ID', field: name },
      }),
  });
}
