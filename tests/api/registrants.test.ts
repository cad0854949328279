/**
 * Before the event: the registrant list (.xlsx read back with exceljs) and a notice to everyone
 * signed up, through the API as each kind of caller.
 */
import ExcelJS from 'exceljs';
import { anEvent } from '../support/builders';
import type { Harness } from '../support/harness';
import type { KeptFiles } from '../support/kept-files';
import { openExportingHarness } from '../support/one-unit';

let h: Harness;

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);
let files: KeptFiles;

async function member(openid: string, role: 'staff' | 'organizer', districtId: string, unitIds: string[]) {
  await h.store.putMember({ openid, role, districtId, unitIds, name: openid });
}

async function signUp(openid: string, name: string, phone: string, companions = 0) {
  // A minute apart: the list is in order of sign-up, the waitlist in order of joining it.
  h.clock.advance(60_000);
  return h.ok('resident', 'signup.create', { eventId: 'e1', name, phone, companions, consent: true }, openid);
}

beforeEach(async () => {
  ({ h, files } = await openExportingHarness());
  await h.store.putEvent(anEvent({ id: 'e1', title: '智能手机入门', capacity: 3 }));
});
afterEach(() => h.close());

async function rows(file: { fileName: string }): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(files.files.get(file.fileName)!) as never);
  const ws = wb.getWorksheet('报名名单');
  if (!ws) throw new Error('no 报名名单 sheet');
  const out: string[][] = [];
  ws.eachRow((row) =>
    out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return out;
}

test('the unit staff get full names, the organizer masked ones; phones always masked; cancelled left out; waitlist in order', async () => {
  await member('staff-u1', 'staff', 'd1', ['u1']);
  await member('org-d1', 'organizer', 'd1', []);
  await signUp('res-a', '王秀英', '13912345678', 1);
  await signUp('res-b', '李建国', '13700001111');
  await signUp('res-c', '张伟', '13600002222'); // waitlisted: 2 + 1 seats taken of 3
  const gone = await signUp('res-d', '赵敏', '13500003333'); // waitlisted second
  await h.ok('resident', 'signup.cancel', { registrationId: gone.registration.id }, 'res-d');
  await signUp('res-e', '钱进', '13400004444'); // waitlisted second now

  const staffRows = await rows(await h.ok('exports', 'registrants.export', { eventId: 'e1' }, 'staff-u1'));
  expect(staffRows[0][0]).toBe('智能手机入门 报名名单（11月15日）');
  expect(staffRows[1]).toEqual([
    '序号',
    '姓名',
    '手机号',
    '同行家属',
    '占名额',
    '状态',
    '报名方式',
    '报名时间',
    '签到',
  ]);
  expect(staffRows.slice(2).map((r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[6]])).toEqual([
    ['1', '王秀英', '139****5678', '1', '2', '已报名', '本人报名'],
    ['2', '李建国', '137****1111', '0', '1', '已报名', '本人报名'],
    ['3', '张伟', '136****2222', '0', '1', '候补第1位', '本人报名'],
    ['4', '钱进', '134****4444', '0', '1', '候补第2位', '本人报名'],
  ]);

  const organizerRows = await rows(await h.ok('exports', 'registrants.export', { eventId: 'e1' }, 'org-d1'));
  expect(organizerRows.slice(2).map((r) => r[1])).toEqual(['王*英', '李*国', '张*', '钱*']);
  expect(organizerRows.flat().join(' ')).not.toMatch(/1\d{10}/);
});

test('another unit and another district are refused; a missing event is named', async () => {
  await member('staff-u2', 'staff', 'd1', ['u2']);
  await member('org-d2', 'organizer', 'd2', []);
  expect(codeOf(await h.call('exports', 'registrants.export', { eventId: 'e1' }, 'staff-u2'))).toBe('FORBIDDEN');
  expect(codeOf(await h.call('exports', 'registrants.export', { eventId: 'e1' }, 'org-d2'))).toBe('FORBIDDEN');
  expect(codeOf(await h.call('exports', 'registrants.export', { eventId: 'nope' }, 'staff-u2'))).toBe(
    'EVENT_NOT_FOUND',
  );
});

test('a notice reaches every confirmed and waitlisted registrant in the app, subscribers by message, and is audited', async () => {
  await member('staff-u1', 'staff', 'd1', ['u1']);
  await signUp('res-a', '王秀英', '13912345678', 1);
  await signUp('res-b', '李建国', '13700001111');
  await signUp('res-c', '张伟', '13600002222'); // waitlisted
  const gone = await signUp('res-d', '赵敏', '13500003333');
  await h.ok('resident', 'signup.cancel', { registrationId: gone.registration.id }, 'res-d');
  // Only res-a subscribed to 活动提醒.
  await h.ok('resident', 'reminders.subscribe', { accepted: ['event_reminder'] }, 'res-a');

  const out = await h.ok(
    'organizer',
    'registrants.notify',
    { eventId: 'e1', text: '  活动改在二楼教室，请提前十分钟到  ' },
    'staff-u1',
  );
  expect(out).toEqual({ recipients: 3, notices: 3, messages: { sent: 1, noCredit: 2, failed: 0 } });

  for (const openid of ['res-a', 'res-b', 'res-c']) {
    const { notices } = await h.ok('resident', 'notices.list', {}, openid);
    expect(notices.map((n: { kind: string; text: string }) => [n.kind, n.text])).toContainEqual([
      'event_message',
      '“智能手机入门”通知：活动改在二楼教室，请提前十分钟到',
    ]);
  }
  expect(
    (await h.ok('resident', 'notices.list', {}, 'res-d')).notices.some(
      (n: { kind: string }) => n.kind === 'event_message',
    ),
  ).toBe(false);

  const { reminders } = await h.ok('resident', 'reminders.mine', {}, 'res-a');
  expect(reminders).toHaveLength(1);
  expect(reminders[0].status).toBe('sent');
  expect(reminders[0].fields.thing1).toBe('智能手机入门');
  expect(reminders[0].fields.thing4).toBe('活动改在二楼教室，请提前十分钟到');
  // The credit is spent: a second notice finds none for her.
  const again = await h.ok('organizer', 'registrants.notify', { eventId: 'e1', text: '明天见' }, 'staff-u1');
  expect(again.messages).toEqual({ sent: 0, noCredit: 3, failed: 0 });

  const { records } = await h.store.listAudit('d1', 0, 50);
  const entries = records.filter((e) => e.action === 'registrants.notify');
  expect(entries).toHaveLength(2);
  expect(entries.map((e) => e.summary)).toContain(
    '通知报名者 3 人（站内 3 条，订阅消息 1 条）：活动改在二楼教室，请提前十分钟到',
  );
});

test('a notice needs words, and residents cannot send one', async () => {
  await member('staff-u1', 'staff', 'd1', ['u1']);
  await signUp('res-a', '王秀英', '13912345678');
  expect(codeOf(await h.call('organizer', 'registrants.notify', { eventId: 'e1', text: ' ' }, 'staff-u1'))).toBe(
    'VALIDATION_FAILED',
  );
  expect(
    codeOf(await h.call('organizer', 'registrants.notify', { eventId: 'e1', text: '学'.repeat(201) }, 'staff-u1')),
  ).toBe('VALIDATION_FAILED');
  expect(codeOf(await h.call('organizer', 'registrants.notify', { eventId: 'e1', text: '你好你好' }, 'res-a'))).toBe(
    'FORBIDDEN',
  );
});
