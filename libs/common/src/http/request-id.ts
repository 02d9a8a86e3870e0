import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

type WithId = IncomingMessage & { id?: string };

// A caller's x-request-id is kept when it is sane; otherwise a new one. Echoed in the response.
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const r = req as WithId;
  if (r.id) return r.id;
  const given = req.headers['x-request-id'];
  r.id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', r.id);
  return r.id;
}
