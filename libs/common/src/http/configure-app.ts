import {
  BadRequestException,
  RequestMethod,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
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
import { API_KEY_SCHEME } from './api-docs';

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

// What /docs-json serves. Keys are opaque random strings, not JWTs, so no bearerFormat.
export function apiDocument(app: NestExpressApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Quote Ledger')
    .setDescription(
      'Direct quotations in the news, who said them, and what reviewers found. ' +
        'Every error has the ErrorBody shape; every response carries x-request-id.',
    )
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addServer('/', 'This server (operation paths include /api/v1)')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description:
          'An opaque API key issued by an admin (POST /api/v1/keys): `Authorization: Bearer <key>`. ' +
          'Writes need a role; reads take a key optionally (required when the server sets ' +
          'READS_REQUIRE_KEY). A key that is sent must be valid, or the answer is 401.',
      },
      API_KEY_SCHEME,
    )
    .addTag('articles', 'Ingest news documents, read and correct articles')
    .addTag('extract', 'Dry-run quote extraction')
    .addTag('quotes', 'Search, look up and correct quotations')
    .addTag('speakers', 'Who said it: profiles, corrections, merges')
    .addTag('claims', 'Claims made from quotes and their reviews')
    .addTag('exports', 'Quote sheets and ClaimReview')
    .addTag('keys', 'API keys (admin)')
    .addTag('audit', 'The audit trail (admin)')
    .addTag('health', 'Liveness')
    .build();
  // addBearerAuth fills in bearerFormat: 'JWT' by default; these keys are not JWTs.
  const scheme = config.components?.securitySchemes?.[API_KEY_SCHEME] as
    { bearerFormat?: string } | undefined;
  if (scheme) delete scheme.bearerFormat;
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorBody] });
  // An operation with no role still accepts a key (reads may be configured to need one):
  // say so as optional security, so generated clients can send it.
  for (const item of Object.values(document.paths)) {
    for (const op of [item.get, item.put, item.post, item.delete, item.patch, item.head]) {
      if (op && !op.security?.length) op.security = [{ [API_KEY_SCHEME]: [] }, {}];
      // Path ids are all parsed by uuidParam(), which the decorators cannot see.
      for (const param of op?.parameters ?? []) {
        if ('in' in param && param.in === 'path' && /^(id|\w+Id)$/.test(param.name)) {
          param.schema = { type: 'string', format: 'uuid' };
        }
      }
    }
  }
  return document;
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
  SwaggerModule.setup('docs', app, () => apiDocument(app));
  return app;
}
