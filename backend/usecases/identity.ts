/**
 * Resolves the platform identity of a call into a Caller with its role. Residents are any
 * WeChat identity without a staff or organizer binding.
 */
import { createHash, createHmac } from 'node:crypto';
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

/**
 * The key of a sign-up staff made for a person without WeChat: one per phone number and event.
 * Keyed with a server secret (REGISTRATION_ID_SECRET), so that nobody can compute the id from a
 * phone number and probe whether that number is signed up.
 */
export function proxyHolderKey(phone: string, secretHex: string): string {
  const mac = createHmac('sha256', Buffer.from(secretHex, 'hex')).update(`proxy:${phone}`);
  return `p${mac.digest('base64url').slice(0, 15)}`;
}
