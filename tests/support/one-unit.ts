/** The smallest world with a door: campaign c1 of district d1, street s1, unit u1 holding event e1, and its staff. */
import type { Store } from '../../backend/store/port';
import { aCampaign, anEvent, anOrg } from './builders';

export async function oneUnitWorld(store: Store): Promise<void> {
  await store.putCampaign(aCampaign());
  await store.putOrg(anOrg({ id: 'd1', kind: 'district', parentId: null }));
  await store.putOrg(anOrg({ id: 's1', kind: 'street', parentId: 'd1' }));
  await store.putOrg(anOrg({ id: 'u1' }));
  await store.putEvent(anEvent({ id: 'e1', capacity: 10 }));
  await store.putMember({ openid: 'staff-1', role: 'staff', districtId: 'd1', unitIds: ['u1'], name: '张' });
}
