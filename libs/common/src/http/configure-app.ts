import {
  BadRequestException,
  RequestMethod,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { json, text } from 'express';
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Reflector } from '@nestjs/core';
import { assignRequestId } from './request-id';
import { BodyTypeInterceptor } from './body-type.interceptor';
import { checkJsonDepth, rejectBadStrings } from './input-guard';
import { ANONYMOUS, requestContext } from './request-context';
import { AppConfig } from '../config/app-config';
import { GlobalExceptionFilter } from '../errors/global-exception.filter';
import { ErrorBody } from '../errors/error-body';

export const API_PREFIX = 'api/v1';

// Options that must be given when the app is created (main.ts and e2e tests alike).
export const APP_OPTIONS = { bodyParser: false, bufferLogs: true } as const;

// Rejects bodies that are not UTF-8 before they are decoded (decoding would hide bad bytes).
function verifyUtf8(_req: IncomingMessage, _res: unknown, buf: Buffer): void {
  if (!isUtf8(buf)) {
    throw Object.assign(new Error('Body is not valid UTF-8'), {
      type: 'invalid.utf8',
      status: 400,
    });
  }
}

// JSON is also measured for depth on the raw bytes, before JSON.parse and the recursive
// validators downstream see it (20,000 nested arrays used to overflow the stack).
function verifyJson(req: IncomingMessage, res: unknown, buf: Buffer): void {
  verifyUtf8(req, res, buf);
  checkJsonDepth(buf);
}

function flattenErrors(
  errors: ValidationError[],
  parent = '',
): { field: string; errors: string[] }[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, errors: Object.values(e.constraints) }] : [];
    return own.concat(flattenErrors(e.children ?? [], field));
  });
}

export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flattenErrors(errors);
      const message = fields.map((f) => f.errors.join(', ')).join('; ');
      return new BadRequestException({ message, details: { code: 'VALIDATION_FAILED', fields } });
    },
  });
}

// The same wiring for main.ts and for every e2e test.
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  // First middleware: even a body rejected by the parsers gets a request id.
  // and everything after it runs inside a request context (actor, request id) for the audit trail.
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const requestId = assignRequestId(req, res);
    // Reads revalidate by ETag unless a route says otherwise (exports: no-store).
    if (req.method === 'GET' || req.method === 'HEAD') res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    requestContext.run({ requestId, actor: ANONYMOUS }, next);
  });
  // Registered directly: Nest's useBodyParser reserves `verify`, which the UTF-8 check needs.
  app.use(
    json({
      limit: config.BODY_LIMIT,
      verify: verifyJson,
      type: ['application/json', 'application/*+json'],
    }),
  );
  // NDJSON (POST /articles/batch) is read as text and parsed a line at a time by its route.
  app.use(
    text({
      limit: config.BODY_LIMIT,
      verify: verifyUtf8,
      type: ['text/plain', 'application/x-ndjson'],
    }),
  );
  // NUL, lone surrogates and over-long arrays/objects in the query or body, once for all routes.
  app.use(rejectBadStrings);
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  app.useGlobalInterceptors(new BodyTypeInterceptor(app.get(Reflector)));
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new GlobalExceptionFilter());
  app.set('etag', 'strong');
  app.set('x-powered-by', false);
  const doc = new DocumentBuilder()
    .setTitle('Quote Ledger')
    .setDescription('Direct quotations in the news, who said them, and what reviewers found.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () =>
    SwaggerModule.createDocument(app, doc, { extraModels: [ErrorBody] }),
  );
  return app;
}
