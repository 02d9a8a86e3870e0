export const ROLES = ['journalist', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

// admin > reviewer > journalist: a role satisfies every role below it.
export function satisfies(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}
