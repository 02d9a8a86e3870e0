import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { InputError, InputErrorCode } from '../errors/input-error';

// Keyset paging: `cursor` is opaque to clients (base64url of the last row's sort key).
export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;

  @ApiPropertyOptional({ description: 'nextCursor from the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor is not a valid cursor' })
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

// What a cursor holds, position by position. Every list decodes its cursor against one of these,
// so a forged cursor is a 400 naming `cursor` here and never a type error in SQL.
export type CursorField = 'date' | 'uuid' | 'integer' | 'string';
export type CursorValues<S extends readonly CursorField[]> = { [K in keyof S]: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

function cursorValue(type: CursorField, v: unknown): string | null {
  switch (type) {
    case 'uuid':
      return typeof v === 'string' && UUID.test(v) ? v : null;
    case 'integer':
      if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? String(v) : null;
      return typeof v === 'string' && /^\d{1,18}$/.test(v) ? v : null;
    case 'date': {
      if (typeof v !== 'string') return null;
      const m = ISO_INSTANT.exec(v);
      const t = Date.parse(v);
      // 2010-02-30 parses in JS but not in Postgres: the date must survive a round trip.
      if (!m || isNaN(t) || new Date(t).toISOString().slice(0, 10) !== v.slice(0, 10)) return null;
      return v;
    }
    case 'string':
      return typeof v === 'string' &&
        v.length <= 1000 &&
        !v.includes('\u0000') &&
        (v as unknown as { isWellFormed(): boolean }).isWellFormed()
        ? v
        : null;
  }
}

// The cursor's values as strings, checked against `schema`; null when no cursor was sent.
export function decodeCursor<S extends readonly CursorField[]>(
  cursor: string | undefined,
  schema: S,
): CursorValues<S> | null {
  if (cursor === undefined || cursor === '') return null;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parts = null;
  }
  const values =
    Array.isArray(parts) && parts.length === schema.length
      ? schema.map((type, i) => cursorValue(type, parts[i]))
      : null;
  if (!values || values.some((v) => v === null)) {
    throw new InputError(
      InputErrorCode.InvalidCursor,
      'cursor is not valid: use nextCursor as given',
      {
        field: 'cursor',
      },
    );
  }
  return values as CursorValues<S>;
}
