/**
 * Resolves the platform identity of a call into a Caller with its role. Residents are any
 * WeChat identity without a staff or organizer binding.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../store/port';
import { ANONYMOUS, type Caller } from './context';

export async function resolveCaller(store: Store, openid: string | null): Promise<Caller> {
  if (!openid) return ANONYMOUS;
  const member = await store.getMember(openid);
  if (!member) return { openid, role: 'resident', districtId: null, unitIds: [], name: null };
  return {
    openid,
    role: member.role,
    districtId: member.districtId,
    unitIds: [...member.unitIds],
    name: member.name,
  };
}

/**
 * The key that makes a person's registration id deterministic without putting their openid
 * into ids that travel (check-in codes, exports).
 */
export function holderKey(openid: string): string {
  return createHash('sha256').update(`holder:${openid}`).digest('base64url').slice(0, 16);
}

/** The key of a sign-up staff made for a person without WeChat: one per phone number and event. */
export function proxyHolderKey(phone: string): string {
  return `p${createHash('sha256').update(`proxy:${phone}`).digest('base64url').slice(0, 15)}`;
}
