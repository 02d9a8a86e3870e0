import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { InputError, InputErrorCode } from '../errors/input-error';

const ACCEPTS_TEXT = 'quote-ledger:accepts-text';

// The route also takes a text/plain body (a raw article); every other route takes JSON only.
export const AcceptsText = () => SetMetadata(ACCEPTS_TEXT, true);

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

// A body the parsers did not read (XML, a form, …), or text where JSON is expected, is a 415
// before validation turns it into a confusing 400 about missing fields.
@Injectable()
export class BodyTypeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<Request>();
    if (!WITH_BODY.has(req.method)) return next.handle();
    const text = this.reflector.getAllAndOverride<boolean>(ACCEPTS_TEXT, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    const sent =
      req.headers['transfer-encoding'] !== undefined ||
      Number(req.headers['content-length'] ?? 0) > 0;
    const unread = sent && req.body === undefined;
    if (unread || (typeof req.body === 'string' && !text)) {
      const want = text ? 'application/json or text/plain' : 'application/json';
      throw new InputError(
        InputErrorCode.UnsupportedMediaType,
        `Send ${want}; got ${req.headers['content-type'] ?? 'no Content-Type'}`,
        { code: InputErrorCode.UnsupportedMediaType, accept: want },
      );
    }
    return next.handle();
  }
}
