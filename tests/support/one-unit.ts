/** The smallest world with a door: campaign c1 of district d1, street s1, unit u1 holding event e1, and its staff. */
import type { Store } from '../../backend/store/port';
import { aCampaign, anEvent, anOrg } from './builders';
import { openHarness, type Harness } from './harness';
import { KeptFiles } from './kept-files';

export async function oneUnitWorld(store: Store): Promise<void> {
  await store.putCampaign(aCampaign());
  await store.putOrg(anOrg({ id: 'd1', kind: 'district', parentId: null }));
  await store.putOrg(anOrg({ id: 's1', kind: 'street', parentId: 'd1' }));
  await store.putOrg(anOrg({ id: 'u1' }));
  await store.putEvent(anEvent({ id: 'e1', capacity: 10 }));
  await store.putMember({ openid: 'staff-1', role: 'staff', districtId: 'd1', unitIds: ['u1'], name: '张' });
}

/** Campaign c1 of district d1 with street s1 (尧塘街道) and its unit u1 (尧塘社区教育中心), without events or members. */
export async function yaotangWorld(store: Store): Promise<void> {
  await store.putCampaign(aCampaign());
  await store.putOrg(anOrg({ id: 's1', kind: 'street', parentId: 'd1', name: '尧塘街道' }));
  await store.putOrg(anOrg({ id: 'u1', parentId: 's1', name: '尧塘社区教育中心' }));
}

/**
 * A harness that keeps the files it exports, with campaign c1 and street s1 of district d1 in its
 * store, and unit u1 under the given name when one is given.
 */
export async function openExportingHarness(unitName?: string): Promise<{ h: Harness; files: KeptFiles }> {
  const h = openHarness();
  const files = new KeptFiles();
  h.deps.files = files;
  await h.store.putCampaign(aCampaign());
  await h.store.putOrg(anOrg({ id: 's1', kind: 'street', parentId: 'd1' }));
  if (unitName !== undefined) await h.store.putOrg(anOrg({ id: 'u1', name: unitName }));
  return { h, files };
}

/** Unit u1's supervisor (staff-u1, 孙老师) and district d1's organizer (org-d1, 凌老师). */
export async function putUnitLeads(store: Store): Promise<void> {
  await store.putMember({ openid: 'staff-u1', role: 'supervisor', districtId: 'd1', unitIds: ['u1'], name: '孙老师' });
  await store.putMember({ openid: 'org-d1', role: 'organizer', districtId: 'd1', unitIds: [], name: '凌老师' });
}
