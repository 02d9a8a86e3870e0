import { BadRequestException } from '@nestjs/common';
import {
  AppError,
  badStringError,
  checkJsonDepth,
  findBadString,
  validationPipe,
} from '@app/common';
import { withoutBom } from './article-text';
import { CreateArticleDto } from './dto/create-article.dto';

// One document of a batch (an NDJSON line) as stored, or why it was not.
export type BatchItemResult =
  | {
      status: 200 | 201;
      document: { id: string; sha256: string; created: boolean };
      articles: string[];
    }
  | { status: number; error: { message: string; details?: Record<string, unknown> } };

// Documents stored per transaction in a batch: large enough to amortise the commit, small enough
// that a retry after a deadlock or an interruption redoes little.
export const BATCH_SIZE = 50;

const validator = validationPipe();

export function batchError(e: unknown): BatchItemResult {
  if (e instanceof AppError)
    return {
      status: e.status,
      error: { message: e.message, details: { code: e.code, ...e.details } },
    };
  if (e instanceof BadRequestException) {
    const body = e.getResponse() as { message?: string; details?: Record<string, unknown> };
    return { status: 400, error: { message: String(body.message), details: body.details } };
  }
  // Not the client's fault: say so without leaking internals (the server log has the error).
  return { status: 500, error: { message: 'Internal error storing this document' } };
}

// An NDJSON line as POST /articles would take it in JSON: {body, title?, url?, publisher?,
// publishedAt?}, validated by the same DTO, so both paths refuse the same documents.
export async function parseBatchLine(line: string): Promise<CreateArticleDto | BatchItemResult> {
  let value: unknown;
  try {
    // The guards the HTTP body gets (configure-app.ts), here per line.
    checkJsonDepth(Buffer.from(line, 'utf8'));
    value = JSON.parse(line);
  } catch (e) {
    const deep = (e as { type?: string }).type === 'entity.too.deep';
    return {
      status: 400,
      error: deep
        ? { message: (e as Error).message, details: { code: 'JSON_TOO_DEEP' } }
        : { message: 'line is not valid JSON', details: { code: 'MALFORMED_JSON' } },
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return {
      status: 400,
      error: { message: 'line must be a JSON object', details: { code: 'INVALID_TEXT' } },
    };
  const bad = findBadString(value);
  if (bad) return batchError(badStringError(bad, 'body'));
  try {
    const dto = (await validator.transform(value, {
      type: 'body',
      metatype: CreateArticleDto,
    })) as CreateArticleDto;
    return Object.assign(dto, { body: withoutBom(dto.body) });
  } catch (e) {
    return batchError(e);
  }
}
