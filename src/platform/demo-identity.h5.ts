/**
 * The local demo's identity switcher, H5 twin (see demo-identity.ts for the contract). The demo
 * server lists identities at GET /api/_demo/identities; the chosen id is kept in Taro storage
 * and sent with every call as the `x-demo-identity` header (see call.h5.ts). Active only when
 * the build defines DEMO_IDENTITIES true (LOCAL_DEMO=1); otherwise all of this is inert.
 */
import Taro from '@tarojs/taro';
import type { DemoIdentity } from './demo-identity.types';

/** `typeof` keeps this safe where the build-time constant is not defined (jest). */
export const demoIdentitiesEnabled: boolean = typeof DEMO_IDENTITIES !== 'undefined' && DEMO_IDENTITIES;

const STORAGE_KEY = 'llw.demoIdentity';

export { DEMO_IDENTITY_HEADER } from './demo-identity.types';
export type { DemoIdentity } from './demo-identity.types';

export function getDemoIdentity(): string | null {
  if (!demoIdentitiesEnabled) return null;
  try {
    const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
    return typeof stored === 'string' && stored ? stored : null;
  } catch {
    return null;
  }
}

export function setDemoIdentity(id: string | null): void {
  if (!demoIdentitiesEnabled) return;
  if (id) Taro.setStorageSync(STORAGE_KEY, id);
  else Taro.removeStorageSync(STORAGE_KEY);
}

export async function listDemoIdentities(): Promise<DemoIdentity[]> {
  if (!demoIdentitiesEnabled) return [];
  try {
    const res = await fetch('/api/_demo/identities');
    const body = (await res.json()) as { identities?: unknown };
    if (!Array.isArray(body.identities)) return [];
    return body.identities.filter(
      (x): x is DemoIdentity =>
        typeof x === 'object' && x !== null && typeof x.id === 'string' && typeof x.label === 'string',
    );
  } catch {
    return [];
  }
}
