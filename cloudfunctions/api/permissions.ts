/**
 * Who may call what: the one table the handlers enforce and the permission tests read.
 * Row-level rules (only one's own sign-up, only one's own units) live in the use cases.
 */
import type { FunctionName } from '../../types/api';
import type { Role } from '../../types/domain';

export const ALL_ROLES: readonly Role[] = ['anonymous', 'resident', 'staff', 'supervisor', 'organizer', 'admin'];
const EVERYONE = ALL_ROLES;
const SIGNED_IN: readonly Role[] = ['resident', 'staff', 'supervisor', 'organizer', 'admin'];

export const PERMISSIONS = {
  resident: {
    'system.ping': EVERYONE,
    'me.get': EVERYONE,
    'week.get': EVERYONE,
    'events.list': EVERYONE,
    'event.get': EVERYONE,
    'signup.create': SIGNED_IN,
    'signup.cancel': SIGNED_IN,
    'signup.mine': SIGNED_IN,
  },
} as const satisfies Record<FunctionName, Record<string, readonly Role[]>>;

export function isAllowed(fn: FunctionName, action: string, role: Role): boolean {
  const table: Record<string, readonly Role[]> = PERMISSIONS[fn];
  return Object.hasOwn(table, action) && table[action].includes(role);
}
