/**
 * Exports hold masked data unless the role needs names: the attendance export shows full names
 * only to the staff and supervisors of the unit that held the event (core/privacy.ts); the
 * district's organizers and admins get masked names. Phones are masked for everyone.
 */
import ExcelJS from 'exceljs';
import { at } from '../../backend/core/time';
import { aSignupInput } from '../support/builders';
import { oneUnitWorld } from '../support/one-unit';
import { openHarness, type Harness } from '../support/harness';

describe('who sees names in the attendance export', () => {
  let h: Harness;
  const kept = new Map<string, Uint8Array>();

  beforeAll(async () => {
    h = openHarness(at('2026-11-10', '09:00'));
    h.deps.files = {
      publish: async (fileName, bytes) => {
        kept.set(fileName, bytes);
        return { url: `/x/${fileName}`, fileId: null, fileName, expiresAt: 0 };
      },
    };
    await oneUnitWorld(h.store);
    await h.store.putMember({ openid: 'sup-1', role: 'supervisor', districtId: 'd1', unitIds: ['u1'], name: '李' });
    await h.store.putMember({ openid: 'org-1', role: 'organizer', districtId: 'd1', unitIds: [], name: '凌' });
    await h.store.putMember({ openid: 'admin-1', role: 'admin', districtId: 'd1', unitIds: [], name: '管' });
    const signup = await h.ok('resident', 'signup.create', aSignupInput({ name: '欧阳小明' }), 'res-a');
    h.clock.set(at('2026-11-15', '08:55'));
    await h.ok(
      'staff',
      'checkin.manual',
      { eventId: 'e1', deviceId: 'device-1', scanId: 'scan-00000001', registrationId: signup.registration.id },
      'staff-1',
    );
  });
  afterAll(() => h.close());

  async function exportedBy(openid: string): Promise<string> {
    const file = await h.ok('exports', 'attendance.export', { eventId: 'e1' }, openid);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(kept.get(file.fileName)!) as never);
    return JSON.stringify(wb.worksheets[0].getSheetValues());
  }

  it.each([
    ['the unit staff', 'staff-1', '欧阳小明'],
    ['the unit supervisor', 'sup-1', '欧阳小明'],
    ['the district organizer', 'org-1', '欧**明'],
    ['an admin', 'admin-1', '欧**明'],
  ])('%s (%s) gets the name as %s', async (_who, openid, name) => {
    const text = await exportedBy(openid);
    expect(text).toContain(name);
    if (name.includes('*')) expect(text).not.toContain('欧阳小明');
    expect(text).toContain('139****5678');
    expect(text).not.toContain('13912345678');
  });
});
