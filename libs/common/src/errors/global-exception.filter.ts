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
    }
    const body: ErrorBody = {
      statusCode: mapped.status,
      error: STATUS_CODES[mapped.status] ?? 'Error',
      message: mapped.message,
      ...(mapped.details ? { details: mapped.details } : {}),
      requestId,
    };
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
