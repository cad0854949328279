/**
 * The local demo's identity switcher, neutral twin: inert. The switcher exists only in the H5
 * build (demo-identity.h5.ts), and there only when DEMO_IDENTITIES is true (LOCAL_DEMO=1).
 * The WeChat build bundles this file, so it carries no fetch and no demo code.
 */
import type { DemoIdentity } from './demo-identity.types';

export { DEMO_IDENTITY_HEADER } from './demo-identity.types';
export type { DemoIdentity } from './demo-identity.types';

export const demoIdentitiesEnabled: boolean = false;

export function getDemoIdentity(): string | null {
  return null;
}

export function setDemoIdentity(_id: string | null): void {}

export async function listDemoIdentities(): Promise<DemoIdentity[]> {
  return [];
}
