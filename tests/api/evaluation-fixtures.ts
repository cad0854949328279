/**
 * A small week for the evaluation tests: district d1 (under city cz) with streets s1 and s2,
 * units u1 and u2, events a (u1) and c (u2), attendees signed up and checked in through the API.
 */
import { at } from '../../backend/core/time';
import { aCampaign, anEvent, anOrg } from '../support/builders';
import { openHarness, type Harness } from '../support/harness';

export const ORGANIZER = 'openid-organizer';
export const OTHER_ORGANIZER = 'openid-organizer-d2';
export const CITY = 'openid-city';
export const STAFF_U1 = 'openid-staff-u1';
export const STAFF_U2 = 'openid-staff-u2';
export const DAY = '2026-11-15';

export async function evaluationWorld(): Promise<Harness> {
  const h = openHarness(at('2026-11-14', '08:00'));
  const written: Record<string, Uint8Array> = {};
  h.deps.files = {
    async publish(fileName, bytes) {
      written[fileName] = bytes;
      return { url: `/files/${fileName}`, fileId: null, fileName, expiresAt: 0 };
    },
  };
  (h as Harness & { written: typeof written }).written = written;
  await h.store.putCampaign(aCampaign());
  await h.store.putOrg(anOrg({ id: 'cz', kind: 'district', parentId: null, districtId: 'cz', name: '常州市' }));
  await h.store.putOrg(anOrg({ id: 'd1', kind: 'district', parentId: 'cz', name: '金坛区' }));
  await h.store.putOrg(anOrg({ id: 's1', kind: 'street', parentId: 'd1', name: '尧塘街道' }));
  await h.store.putOrg(anOrg({ id: 's2', kind: 'town', parentId: 'd1', name: '金城镇' }));
  await h.store.putOrg(anOrg({ id: 'u1', parentId: 's1', name: '尧塘社区教育中心' }));
  await h.store.putOrg(anOrg({ id: 'u2', parentId: 's2', name: '金城镇社区教育中心' }));
  await h.store.putEvent(
    anEvent({ id: 'a', unitId: 'u1', streetId: 's1', capacity: 30, category: 'lecture', audiences: ['elderly'] }),
  );
  await h.store.putEvent(
    anEvent({
      id: 'c',
      unitId: 'u2',
      streetId: 's2',
      capacity: 30,
      category: 'reading',
      audiences: ['youth', 'families'],
    }),
  );
  await h.store.putMember({ openid: ORGANIZER, role: 'organizer', districtId: 'd1', unitIds: [], name: '区' });
  await h.store.putMember({ openid: OTHER_ORGANIZER, role: 'organizer', districtId: 'd2', unitIds: [], name: '邻' });
  await h.store.putMember({ openid: CITY, role: 'organizer', districtId: 'cz', unitIds: [], name: '市' });
  await h.store.putMember({ openid: STAFF_U1, role: 'supervisor', districtId: 'd1', unitIds: ['u1'], name: '一' });
  await h.store.putMember({ openid: STAFF_U2, role: 'staff', districtId: 'd1', unitIds: ['u2'], name: '二' });
  return h;
}

export function writtenFiles(h: Harness): Record<string, Uint8Array> {
  return (h as Harness & { written: Record<string, Uint8Array> }).written;
}

let seq = 0;

/** Signs `residents` up for `eventId` and checks them in; returns their registration ids. */
export async function attend(h: Harness, eventId: string, staff: string, residents: string[]): Promise<string[]> {
  const ids: string[] = [];
  const before = h.clock.now();
  for (const [i, openid] of residents.entries()) {
    // One phone, one seat: each resident signs up with a number of their own.
    const phone = `139${String(12345678 + i).padStart(8, '0')}`;
    const made = await h.ok(
      'resident',
      'signup.create',
      { eventId, name: '王小明', phone, companions: 0, consent: true },
      openid,
    );
    ids.push(made.registration.id);
  }
  h.clock.set(at(DAY, '09:10'));
  for (const registrationId of ids) {
    const scanId = `scan-${String(++seq).padStart(8, '0')}`;
    await h.ok('staff', 'checkin.manual', { eventId, deviceId: 'device-a', scanId, registrationId }, staff);
  }
  h.clock.set(before);
  return ids;
}
