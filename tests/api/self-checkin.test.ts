/**
 * Self check-in at a venue code, through the API: the unit shows rotating codes or prints a fixed
 * one; a resident with a sign-up is checked in once inside the door window (a second scan counts
 * nothing), refused 未到签到时间 before it and 活动已结束 after it; a forged, stale or foreign code
 * and a visitor without a sign-up count nothing. Marked 自助签到 in the attendance export and
 * the door's audit log.
 */
import ExcelJS from 'exceljs';
import { at } from '../../backend/core/time';
import { signVenueCode } from '../../backend/core/venue-code';
import { signerFromSeed } from '../../backend/usecases/signing';
import { anEvent } from '../support/builders';
import type { Harness } from '../support/harness';
import type { KeptFiles } from '../support/kept-files';
import { openExportingHarness, putUnitLeads } from '../support/one-unit';

let h: Harness;
let files: KeptFiles;
const START = at('2026-11-15', '09:00'); // anEvent's start; ends 10:30, door 08:00–11:00

beforeEach(async () => {
  ({ h, files } = await openExportingHarness('尧塘街道社区教育中心'));
  await h.store.putEvent(anEvent({ id: 'e1', title: '社区教育开放日', capacity: 10 }));
  await putUnitLeads(h.store);
  await h.ok(
    'resident',
    'signup.create',
    { eventId: 'e1', name: '王秀英', phone: '13912345678', companions: 1, consent: true },
    'res-a',
  );
});
afterEach(() => h.close());

const counts = async () => {
  const e = await h.store.getEvent('e1');
  return { checkedIn: e?.checkedIn, walkIns: e?.walkIns };
};

test('a rotating code on the screen: refused before the window, counted once inside it, stale codes refused', async () => {
  h.clock.set(START - 2 * 3600_000); // 07:00, before the door opens at 08:00
  const early = await h.ok('staff', 'venue.codes', { eventId: 'e1' }, 'staff-u1');
  expect(early.codes).toHaveLength(20);
  expect([early.opensAt, early.closesAt]).toEqual([START - 3600_000, START + 90 * 60_000 + 30 * 60_000]);
  const tooEarly = await h.ok('resident', 'checkin.self', { code: early.codes[0].code }, 'res-a');
  expect(tooEarly).toMatchObject({ outcome: 'too_early', message: '未到签到时间', event: { title: '社区教育开放日' } });
  expect(await counts()).toEqual({ checkedIn: 0, walkIns: 0 });

  h.clock.set(START - 10 * 60_000); // 08:50
  const { codes } = await h.ok('staff', 'venue.codes', { eventId: 'e1' }, 'staff-u1');
  const first = await h.ok('resident', 'checkin.self', { code: codes[0].code }, 'res-a');
  expect(first).toMatchObject({
    outcome: 'checked_in',
    message: '签到成功',
    party: 2,
    checkedInAt: START - 10 * 60_000,
  });
  expect(await counts()).toEqual({ checkedIn: 2, walkIns: 0 });
  h.clock.advance(30_000); // the next window: the screen shows the next code
  const again = await h.ok('resident', 'checkin.self', { code: codes[1].code }, 'res-a');
  expect(again).toMatchObject({ outcome: 'already_checked_in', checkedInAt: START - 10 * 60_000 });
  expect(await counts()).toEqual({ checkedIn: 2, walkIns: 0 });

  // A photo of the screen stops working: three windows later the first code is stale.
  h.clock.advance(90_000);
  const stale = await h.ok('resident', 'checkin.self', { code: codes[0].code }, 'res-b');
  expect(stale.outcome).toBe('expired');
  // Someone without a sign-up is told so and counts nothing.
  const stranger = await h.ok('resident', 'checkin.self', { code: codes[4].code }, 'res-b');
  expect(stranger).toMatchObject({ outcome: 'not_registered', message: '未报名本活动，请先报名' });
  // A code signed with another key, and a mangled one, are not genuine.
  const forged = signVenueCode({ eventId: 'e1', window: null }, signerFromSeed('ab'.repeat(32)).sign);
  expect((await h.ok('resident', 'checkin.self', { code: forged }, 'res-a')).outcome).toBe('invalid');
  expect((await h.ok('resident', 'checkin.self', { code: 'V1.e1.p.xx' }, 'res-a')).outcome).toBe('invalid');
  expect(await counts()).toEqual({ checkedIn: 2, walkIns: 0 });

  const marks = await h.ok('staff', 'roster.answers', { eventId: 'e1' }, 'staff-u1');
  expect(marks.selfCheckins).toEqual([(await h.store.listRegistrationsOfEvent('e1'))[0].id]);
  const checkin = await h.store.getCheckin((await h.store.listCheckinsOfEvent('e1'))[0].id);
  expect(checkin).toMatchObject({ method: 'self', party: 2, status: 'active' });
  const log = await h.ok('staff', 'audit.list', { eventId: 'e1' }, 'staff-u1');
  const selfEntries = log.entries.filter((e) => e.kind === 'self').map((e) => e.outcome);
  expect(selfEntries.sort()).toEqual(['already_checked_in', 'checked_in', 'not_registered', 'too_early'].sort());

  const list = await h.ok('exports', 'registrants.export', { eventId: 'e1' }, 'staff-u1');
  const lwb = new ExcelJS.Workbook();
  await lwb.xlsx.load(Buffer.from(files.files.get(list.fileName)!) as never);
  expect(lwb.getWorksheet('报名名单')!.getRow(3).getCell(9).text).toBe('自助签到');
  const file = await h.ok('exports', 'attendance.export', { eventId: 'e1' }, 'staff-u1');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(files.files.get(file.fileName)!) as never);
  const row = wb.getWorksheet('签到明细')!.getRow(3);
  expect([row.getCell(4).text, row.getCell(6).value, row.getCell(7).text]).toEqual(['王秀英', 2, '自助签到']);
});

test('a printed code works only inside the door window; printing it is audited', async () => {
  const { printed, codes } = await h.ok('staff', 'venue.codes', { eventId: 'e1', printed: true }, 'staff-u1');
  expect(codes).toEqual([]);
  const audit = await h.ok('organizer', 'setupAudit.list', {}, 'org-d1');
  expect(JSON.stringify(audit.records)).toContain('生成固定自助签到码');

  h.clock.set(START + 3 * 3600_000); // 12:00, after the door closed at 11:00
  expect(await h.ok('resident', 'checkin.self', { code: printed! }, 'res-a')).toMatchObject({ outcome: 'ended' });
  h.clock.set(START + 30 * 60_000);
  expect(await h.ok('resident', 'checkin.self', { code: printed! }, 'res-a')).toMatchObject({ outcome: 'checked_in' });
  expect(await counts()).toEqual({ checkedIn: 2, walkIns: 0 });
  // Another unit's staff cannot print or show this event's codes.
  await h.store.putMember({ openid: 'staff-u2', role: 'staff', districtId: 'd1', unitIds: ['u2'], name: '钱老师' });
  expect(await h.call('staff', 'venue.codes', { eventId: 'e1' }, 'staff-u2')).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
});
