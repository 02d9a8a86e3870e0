import { SetMetadata } from '@nestjs/common';
import type { Role } from './roles';

export type Access = { kind: 'public' } | { kind: 'read' } | { kind: 'role'; role: Role };
export const ACCESS_KEY = 'quote-ledger:access';

// Anyone, key or not (health).
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies Access);
// Reads: open, or any valid key when READS_REQUIRE_KEY is set. Default for GET.
export const ReadAccess = () => SetMetadata(ACCESS_KEY, { kind: 'read' } satisfies Access);
// A key with this role or a higher one. Writes default to reviewer.
export const RequireRole = (role: Role) =>
  SetMetadata(ACCESS_KEY, { kind: 'role', role } satisfies Access);
