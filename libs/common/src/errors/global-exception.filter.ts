import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { AppError } from './app-error';
import { ErrorBody } from './error-body';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

type Mapped = { status: number; message: string; details?: Record<string, unknown> };

@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    const mapped = this.map(exception);
    const requestId = String(req.id ?? res.getHeader('x-request-id') ?? '');
    if (mapped.status >= 500) {
      this.logger.error({ err: exception, requestId, path: req.url }, 'unhandled error');
    } else if (mapped.details?.code === 'CONFLICT') {
      // A race no use case caught: a 409 for the client, a warning for us.
      this.logger.warn({ err: exception, requestId, path: req.url }, 'constraint conflict');
    }
    const body: ErrorBody = {
      statusCode: mapped.status,
      error: STATUS_CODES[mapped.status] ?? 'Error',
      message: mapped.message,
      ...(mapped.details ? { details: mapped.details } : {}),
      requestId,
    };
    if (mapped.status === 503) res.setHeader('Retry-After', '1');
    if (!res.headersSent) res.status(mapped.status).json(body);
    else res.end();
  }

  private map(exception: unknown): Mapped {
    if (exception instanceof AppError) {
      return {
        status: exception.status,
        message: exception.message,
        details: { code: exception.code, ...exception.details },
      };
    }
    // Nest wraps body-parser errors in an HttpException; the original is the cause.
    const cause = exception instanceof HttpException ? exception.cause : exception;
    const parserError = this.fromBodyParser(cause as BodyParserError);
    if (parserError) return parserError;
    const databaseError = fromDatabase(exception);
    if (databaseError) return databaseError;
    if (exception instanceof HttpException) return this.fromHttpException(exception);
    // Anything unknown is our fault: generic body, details only in the log line.
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
  }

  private fromHttpException(exception: HttpException): Mapped {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'string') return { status, message: response };
    const r = response as { message?: unknown; details?: Record<string, unknown> };
    if (Array.isArray(r.message)) {
      return { status, message: r.message.join('; '), details: r.details ?? { errors: r.message } };
    }
    return { status, message: String(r.message ?? exception.message), details: r.details };
  }

  // body-parser errors carry a `type`; their status is right but their messages are terse.
  private fromBodyParser(err: BodyParserError): Mapped | null {
    if (!err || typeof err !== 'object' || typeof err.type !== 'string') return null;
    switch (err.type) {
      case 'entity.parse.failed':
        return { status: 400, message: 'Malformed JSON body', details: { code: 'MALFORMED_JSON' } };
      case 'entity.too.large':
        return {
          status: 413,
          message: `Body exceeds the limit of ${err.limit} bytes`,
          details: { code: 'BODY_TOO_LARGE', limit: err.limit },
        };
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return { status: 415, message: err.message, details: { code: 'UNSUPPORTED_ENCODING' } };
      case 'entity.too.deep':
        return {
          status: 400,
          message: err.message,
          details: { code: 'JSON_TOO_DEEP', limit: err.limit },
        };
      case 'invalid.utf8':
        return {
          status: 400,
          message: 'Body is not valid UTF-8',
          details: { code: 'INVALID_UTF8' },
        };
      default:
        return { status: err.status && err.status < 500 ? err.status : 400, message: err.message };
    }
  }
}

// The database said "not now" (no free connection in time, a statement or an idle transaction
// ran out of time, a conflict that outlived its retries): the request may be sent again.
// These are 503 with Retry-After, never a 500, and never a hang.
const BUSY_CODES = new Set(['57014', '25P03', '53300', '55P03', '40001', '40P01']);
const BUSY_MESSAGES = /timeout exceeded when trying to connect|connection timeout/i;
// A constraint that a concurrent request got to first (the use cases check these themselves;
// this is the net for a race one of them missed): 23505 unique_violation, 23503
// foreign_key_violation (the row referred to was merged away meanwhile). The constraint's name
// is enough for the client; its detail (the values) stays in the log.
const CONFLICT_CODES = new Set(['23505', '23503']);

function fromDatabase(exception: unknown): Mapped | null {
  if (!(exception instanceof Error)) return null;
  const code =
    (exception as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ??
    (exception as { code?: unknown }).code;
  if (CONFLICT_CODES.has(String(code))) {
    const constraint =
      (exception as { constraint?: unknown; driverError?: { constraint?: unknown } }).driverError
        ?.constraint ?? (exception as { constraint?: unknown }).constraint;
    return {
      status: HttpStatus.CONFLICT,
      message: 'A concurrent change conflicts with this request; reload and try again',
      details: { code: 'CONFLICT', ...(constraint ? { constraint: String(constraint) } : {}) },
    };
  }
  if (BUSY_CODES.has(String(code)) || BUSY_MESSAGES.test(exception.message)) {
    return {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      message: 'The database is busy; try again shortly',
      details: { code: 'DATABASE_BUSY' },
    };
  }
  return null;
}
