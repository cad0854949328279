/**
 * Checks on who is calling, shared by the use cases (kept apart from any one use case so that
 * they import it without importing each other).
 */
import type { Registration } from '../../types/domain';
import { fail } from '../core/errors';
import type { Caller } from './context';

/** Whether a registration exists, is settled, and belongs to the caller; anything else reads as not found. */
export function isOwnRegistration(reg: Registration | null, openid: string): reg is Registration {
  return reg !== null && reg.status !== 'pending' && reg.ownerId === openid;
}

export function requireOpenid(caller: Caller): string {
  if (!caller.openid) fail('UNAUTHENTICATED');
  return caller.openid;
}
