/**
 * Per-event sign-up questions through the API: a unit adds 年龄段, 所在村/社区 and a question of
 * its own to its event (event.save), residents answer them (signup.create; required, length and
 * choice checked), the door roster shows the answers (roster.answers) and both exports carry
 * them (.xlsx read back). The host's own question is masked for organizers, like names. Walk-ins
 * (checkin.walkin, offline sync) answer the same questions, each optional at the door.
 */
import ExcelJS from 'exceljs';
import { at } from '../../backend/core/time';
import { anEvent } from '../support/builders';
import type { Harness } from '../support/harness';
import type { KeptFiles } from '../support/kept-files';
import { openExportingHarness, putUnitLeads } from '../support/one-unit';

let h: Harness;
let files: KeptFiles;

const QUESTIONS = [
  {
    id: 'age',
    kind: 'choice',
    label: '年龄段',
    choices: ['18岁以下', '18–59岁', '60岁及以上'],
    required: true,
    maxLength: 20,
  },
  { id: 'community', kind: 'text', label: '所在村/社区', required: true, maxLength: 10 },
  { id: 'q1', kind: 'text', label: '想学的手机功能', required: false, maxLength: 30 },
];

const event = anEvent({ id: 'e1', title: '智能手机入门', capacity: 10 });
const saveInput = {
  eventId: 'e1',
  unitId: 'u1',
  title: event.title,
  content: event.content,
  venue: event.venue,
  startAt: event.startAt,
  endAt: event.endAt,
  category: event.category,
  audiences: event.audiences,
  mode: event.mode,
  free: true,
  venueRole: null,
  maxCompanions: 2,
  capacity: 10,
};
const person = (name: string, phone: string) => ({ eventId: 'e1', name, phone, companions: 0, consent: true });

beforeEach(async () => {
  ({ h, files } = await openExportingHarness('尧塘街道社区教育中心'));
  await h.store.putEvent(event);
  await putUnitLeads(h.store);
});
afterEach(() => h.close());

async function sheet(file: { fileName: string }, name: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(files.files.get(file.fileName)!) as never);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no ${name} sheet`);
  const out: string[][] = [];
  ws.eachRow((row) =>
    out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return out;
}

test('an event asks nothing until its unit adds questions; then answers are checked, stored, listed and exported', async () => {
  // Without questions, an answer is refused: nothing is collected the event does not ask.
  const unasked = await h.call(
    'resident',
    'signup.create',
    { ...person('王秀英', '13912345678'), answers: [{ questionId: 'age', value: '60岁及以上' }] },
    'res-a',
  );
  expect(unasked).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '该活动没有这个报名问题' } });

  await h.ok('organizer', 'event.save', { ...saveInput, questions: QUESTIONS }, 'staff-u1');
  const log = await h.ok('organizer', 'setupAudit.list', {}, 'org-d1');
  expect(JSON.stringify(log.records)).toContain('报名问题改为 年龄段、所在村/社区、想学的手机功能（选填）');
  const shown = await h.ok('resident', 'event.get', { eventId: 'e1' }, 'res-a');
  expect(shown.event.questions?.map((q) => q.label)).toEqual(['年龄段', '所在村/社区', '想学的手机功能']);

  const refusals: [object[], string][] = [
    [[{ questionId: 'community', value: '尧塘村' }], '请回答：年龄段'],
    [
      [
        { questionId: 'age', value: '70岁' },
        { questionId: 'community', value: '尧塘村' },
      ],
      '“年龄段”请从选项中选择',
    ],
    [
      [
        { questionId: 'age', value: '60岁及以上' },
        { questionId: 'community', value: '金坛区尧塘街道谢桥村民委员会' },
      ],
      '“所在村/社区”最多 10 个字',
    ],
    [
      [
        { questionId: 'age', value: '60岁及以上' },
        { questionId: 'q2', value: 'x' },
      ],
      '该活动没有这个报名问题',
    ],
  ];
  for (const [answers, message] of refusals) {
    const r = await h.call('resident', 'signup.create', { ...person('王秀英', '13912345678'), answers }, 'res-a');
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message } });
  }

  const a = await h.ok(
    'resident',
    'signup.create',
    {
      ...person('王秀英', '13912345678'),
      answers: [
        { questionId: 'age', value: '60岁及以上' },
        { questionId: 'community', value: ' 尧塘村 ' },
        { questionId: 'q1', value: '视频通话' },
      ],
    },
    'res-a',
  );
  const b = await h.ok(
    'staff',
    'signup.proxy',
    {
      ...person('李建国', '13700001111'),
      answers: [
        { questionId: 'age', value: '18–59岁' },
        { questionId: 'community', value: '谢桥村' },
      ],
    },
    'staff-u1',
  );
  expect((await h.store.getRegistration(a.registration.id))?.answers).toEqual({
    age: '60岁及以上',
    community: '尧塘村',
    q1: '视频通话',
  });

  const roster = await h.ok('staff', 'roster.answers', { eventId: 'e1' }, 'staff-u1');
  expect(roster.selfCheckins).toEqual([]);
  expect(roster.questions.map((q) => q.label)).toEqual(['年龄段', '所在村/社区', '想学的手机功能']);
  const byReg = new Map(roster.answers.map((x) => [x.registrationId, x.cells]));
  expect(byReg.get(a.registration.id)).toEqual(['60岁及以上', '尧塘村', '视频通话']);
  expect(byReg.get(b.registration.id)).toEqual(['18–59岁', '谢桥村', '']);
  const organizerView = await h.ok('staff', 'roster.answers', { eventId: 'e1' }, 'org-d1');
  expect(organizerView.answers.find((x) => x.registrationId === a.registration.id)?.cells).toEqual([
    '60岁及以上',
    '尧塘村',
    '已填写',
  ]);
  expect(await h.call('staff', 'roster.answers', { eventId: 'e1' }, 'res-a')).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });

  const staffList = await sheet(await h.ok('exports', 'registrants.export', { eventId: 'e1' }, 'staff-u1'), '报名名单');
  expect(staffList[1].slice(8)).toEqual(['签到', '年龄段', '所在村/社区', '想学的手机功能']);
  expect(staffList.slice(2).map((r) => [r[1], r[9], r[10], r[11] ?? ''])).toEqual([
    ['王秀英', '60岁及以上', '尧塘村', '视频通话'],
    ['李建国', '18–59岁', '谢桥村', ''],
  ]);
  const organizerList = await sheet(
    await h.ok('exports', 'registrants.export', { eventId: 'e1' }, 'org-d1'),
    '报名名单',
  );
  expect(organizerList[2].slice(9)).toEqual(['60岁及以上', '尧塘村', '已填写']);
  expect(organizerList.flat().join(' ')).not.toContain('视频通话');

  // At the door: the attendance export's 报名信息 column.
  h.clock.set(at('2026-11-15', '08:30'));
  const door = { eventId: 'e1', deviceId: 'device-a' };
  await h.ok(
    'staff',
    'checkin.manual',
    { ...door, scanId: 'scan-000001', registrationId: a.registration.id },
    'staff-u1',
  );
  const attendance = await sheet(await h.ok('exports', 'attendance.export', { eventId: 'e1' }, 'staff-u1'), '签到明细');
  expect(attendance[1][8]).toBe('报名信息');
  expect(attendance[2][8]).toBe('年龄段：60岁及以上；所在村/社区：尧塘村；想学的手机功能：视频通话');

  // Removing the questions: the next sign-up is asked nothing.
  await h.ok('organizer', 'event.save', saveInput, 'staff-u1');
  const c = await h.ok('resident', 'signup.create', person('张伟', '13600002222'), 'res-c');
  expect((await h.store.getRegistration(c.registration.id))?.answers).toBeUndefined();
});

test('the questions an event may ask are bounded and well-formed', async () => {
  const bad: [object[], string][] = [
    [[{ ...QUESTIONS[0], choices: ['只有一个'] }], '“年龄段”至少要有 2 个选项'],
    [[QUESTIONS[1], QUESTIONS[1]], '报名问题重复'],
    [[{ ...QUESTIONS[2], maxLength: 101 }], '回答长度限制须为 1–100 个字'],
    [[{ ...QUESTIONS[2], label: '   ' }], '请填写报名问题的题目'],
  ];
  for (const [questions, message] of bad) {
    const r = await h.call('organizer', 'event.save', { ...saveInput, questions }, 'org-d1');
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(JSON.stringify(r)).toContain(message);
  }
});

test('a walk-in answers the same questions, each optional at the door: checked, stored, listed, exported', async () => {
  await h.ok('organizer', 'event.save', { ...saveInput, questions: QUESTIONS }, 'staff-u1');
  h.clock.set(at('2026-11-15', '08:30'));
  const door = { eventId: 'e1', deviceId: 'device-w' };
  const walkIn = (scanId: string, answers?: object[]) =>
    h.call('staff', 'checkin.walkin', { ...door, scanId, companions: 1, ...(answers ? { answers } : {}) }, 'staff-u1');

  // The same checks as a sign-up's, typed: choice, length, only the event's questions, once each.
  const refusals: [object[], string][] = [
    [[{ questionId: 'age', value: '70岁' }], '“年龄段”请从选项中选择'],
    [[{ questionId: 'community', value: '金坛区尧塘街道谢桥村民委员会' }], '“所在村/社区”最多 10 个字'],
    [[{ questionId: 'q2', value: 'x' }], '该活动没有这个报名问题'],
    [
      [
        { questionId: 'age', value: '60岁及以上' },
        { questionId: 'age', value: '18岁以下' },
      ],
      '同一问题只能回答一次',
    ],
  ];
  for (const [i, [answers, message]] of refusals.entries()) {
    const r = await walkIn(`walk-bad-00${i}`, answers);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message } });
  }
  expect((await h.store.getEvent('e1'))?.walkIns).toBe(0);

  // Required questions bind sign-ups; someone at the door is counted whether or not they answer.
  expect(await walkIn('walk-none-001')).toMatchObject({ ok: true, data: { outcome: 'checked_in' } });
  expect((await h.store.getCheckin('walkin_walk-none-001'))?.answers).toBeUndefined();
  const answered = await walkIn('walk-some-001', [
    { questionId: 'age', value: '60岁及以上' },
    { questionId: 'community', value: ' 谢桥村 ' },
    { questionId: 'q1', value: '视频通话' },
  ]);
  expect(answered).toMatchObject({ ok: true, data: { outcome: 'checked_in' } });
  expect((await h.store.getCheckin('walkin_walk-some-001'))?.answers).toEqual({
    age: '60岁及以上',
    community: '谢桥村',
    q1: '视频通话',
  });
  expect((await h.store.getEvent('e1'))?.walkIns).toBe(4);

  // Queued offline and synced after the questions changed: counted, the answers that no longer fit left out.
  h.clock.advance(5 * 60_000);
  const synced = await h.ok(
    'staff',
    'checkin.sync',
    {
      ...door,
      scans: [
        {
          scanId: 'walk-off-0001',
          kind: 'walkin',
          companions: 0,
          scannedAt: at('2026-11-15', '08:32'),
          answers: [
            { questionId: 'age', value: '60岁以上' },
            { questionId: 'community', value: '尧塘村' },
          ],
        },
      ],
    },
    'staff-u1',
  );
  expect(synced.results[0]).toMatchObject({ outcome: 'checked_in' });
  expect((await h.store.getCheckin('walkin_walk-off-0001'))?.answers).toEqual({ community: '尧塘村' });

  // The roster lists the walk-ins' answers beside the sign-ups' (the host's own question masked for organizers).
  const roster = await h.ok('staff', 'checkin.roster', { eventId: 'e1' }, 'staff-u1');
  expect(roster.walkIns?.map((w) => w.id)).toEqual([
    'walkin_walk-none-001',
    'walkin_walk-some-001',
    'walkin_walk-off-0001',
  ]);
  const answers = await h.ok('staff', 'roster.answers', { eventId: 'e1' }, 'staff-u1');
  expect(new Map(answers.walkIns.map((w) => [w.id, w.cells]))).toEqual(
    new Map([
      ['walkin_walk-some-001', ['60岁及以上', '谢桥村', '视频通话']],
      ['walkin_walk-off-0001', ['', '尧塘村', '']],
    ]),
  );
  const organizerView = await h.ok('staff', 'roster.answers', { eventId: 'e1' }, 'org-d1');
  expect(organizerView.walkIns.find((w) => w.id === 'walkin_walk-some-001')?.cells).toEqual([
    '60岁及以上',
    '谢桥村',
    '已填写',
  ]);

  // The attendance export's 报名信息 column, read back from the file.
  const attendance = await sheet(await h.ok('exports', 'attendance.export', { eventId: 'e1' }, 'staff-u1'), '签到明细');
  expect(attendance[1][8]).toBe('报名信息');
  const rows = attendance.slice(2).map((r) => [r[6], r[8] ?? '']);
  expect(rows).toEqual([
    ['现场登记', ''],
    ['现场登记', '年龄段：60岁及以上；所在村/社区：谢桥村；想学的手机功能：视频通话'],
    ['现场登记', '所在村/社区：尧塘村'],
  ]);
});
