import ExcelJS from 'exceljs';
import { at } from '../../backend/core/time';
import { KeptFiles } from '../support/kept-files';
import type { F1Data, F2Data, F3Data } from '../../types/forms';
import { aCampaign, anEvent, anOrg } from '../support/builders';
import { openHarness, type Harness } from '../support/harness';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localUploads, type LocalUploads } from '../../server/uploads';

const ORGANIZER = 'openid-organizer';
const STAFF_U1 = 'openid-staff-u1';
const STAFF_U2 = 'openid-staff-u2';

describe('statistics forms', () => {
  let h: Harness;
  let files: KeptFiles;
  let seq = 0;
  const scanId = () => `scan-${String(++seq).padStart(8, '0')}`;

  beforeEach(async () => {
    h = openHarness(at('2026-11-10', '08:00'));
    files = new KeptFiles();
    h.deps.files = files;
    await h.store.putCampaign(aCampaign({ name: '测试区2026年度全民终身学习活动周', theme: '全民智学' }));
    await h.store.putOrg(anOrg({ id: 'd1', kind: 'district', parentId: null, name: '测试区' }));
    for (const [id, name] of [
      ['s1', '尧塘街道'],
      ['s2', '金城镇'],
      ['s3', '薛埠镇'],
    ]) {
      await h.store.putOrg(anOrg({ id, kind: 'street', parentId: 'd1', name }));
    }
    await h.store.putOrg(anOrg({ id: 'u1', parentId: 's1', name: '尧塘社区教育中心' }));
    await h.store.putOrg(anOrg({ id: 'u2', parentId: 's2', name: '金城镇社区教育中心' }));
    const events = [
      // Starts 23:30 on the 14th (Shanghai) = 15:30 UTC: it belongs to 11月14日, not the 15th.
      anEvent({
        id: 'late',
        unitId: 'u1',
        streetId: 's1',
        startAt: at('2026-11-14', '23:30'),
        title: '夜读会',
        venueRole: 'main',
      }),
      anEvent({
        id: 'morning',
        unitId: 'u1',
        streetId: 's1',
        startAt: at('2026-11-16', '09:00'),
        title: '手机培训',
        venueRole: 'sub',
      }),
      anEvent({ id: 'other', unitId: 'u2', streetId: 's2', startAt: at('2026-11-16', '14:00'), title: '农技讲座' }),
      anEvent({
        id: 'stream',
        unitId: 'u2',
        streetId: 's2',
        startAt: at('2026-11-17', '19:00'),
        capacity: null,
        mode: 'online',
        title: '网课',
      }),
    ];
    for (const e of events) await h.store.putEvent({ ...e, endAt: e.startAt + 90 * 60_000 });
    await h.store.putMember({ openid: ORGANIZER, role: 'organizer', districtId: 'd1', unitIds: [], name: '区' });
    await h.store.putMember({ openid: STAFF_U1, role: 'staff', districtId: 'd1', unitIds: ['u1'], name: '一' });
    await h.store.putMember({ openid: STAFF_U2, role: 'staff', districtId: 'd1', unitIds: ['u2'], name: '二' });
  });
  afterEach(() => h.close());

  async function attend(eventId: string, owner: string, companions: number, doorAt: number) {
    const r = await h.ok(
      'resident',
      'signup.create',
      { eventId, name: '王秀英', phone: `139${String(1e7 + seq++).slice(-8)}`, companions, consent: true },
      owner,
    );
    const back = h.clock.now();
    h.clock.set(doorAt);
    const codes = await h.ok('resident', 'checkin.codes', { registrationId: r.registration.id }, owner);
    await h.ok(
      'staff',
      'checkin.scan',
      { eventId, deviceId: 'dev-1', scanId: scanId(), code: codes.codes[0].code },
      ORGANIZER,
    );
    h.clock.set(back);
    return r.registration.id;
  }

  async function knownWeek() {
    const late = at('2026-11-14', '23:35');
    const a = await attend('late', 'p1', 1, late); // 2 people
    await attend('late', 'p2', 0, late); // 1
    await attend('morning', 'p1', 0, at('2026-11-16', '08:55')); // 1 (p1 again: distinct stays 2 + …)
    await attend('other', 'p3', 2, at('2026-11-16', '13:58')); // 3
    h.clock.set(at('2026-11-16', '14:05'));
    await h.ok(
      'staff',
      'checkin.walkin',
      { eventId: 'other', deviceId: 'dev-1', scanId: scanId(), companions: 1 },
      ORGANIZER,
    ); // 2
    await h.ok('organizer', 'attendance.enter', { eventId: 'stream', participants: 150, note: '直播后台' }, ORGANIZER);
    h.clock.set(at('2026-11-18', '10:00'));
    await h.ok('resident', 'rating.submit', { registrationId: a, score: 5, comment: '很好' }, 'p1');
    return { late: 3, morning: 1, other: 5, stream: 150 };
  }

  it('fills F1 from attendance, with Shanghai days, equal to the dashboard', async () => {
    const expected = await knownWeek();
    const { form } = await h.ok('organizer', 'forms.preview', { kind: 'F1' }, STAFF_U1);
    const f1 = form.data as F1Data;
    expect(form.kind).toBe('F1');
    expect(f1.unitName).toBe('尧塘社区教育中心');
    expect(f1.days.map((d) => d.label)).toEqual([
      '11月14日',
      '11月15日',
      '11月16日',
      '11月17日',
      '11月18日',
      '11月19日',
      '11月20日',
    ]);
    expect(f1.days[0].rows.map((r) => [r.title, r.participants.value])).toEqual([['夜读会', expected.late]]);
    expect(f1.days[1].rows).toEqual([]);
    expect(f1.days[2].rows.map((r) => [r.title, r.participants.value])).toEqual([['手机培训', expected.morning]]);
    expect(f1.total.value).toBe(expected.late + expected.morning);
    expect(f1.days[0].rows[0].participants.basis).toBe('签到 3 人次 + 现场登记 0 人次');
    const dashboard = await h.ok('organizer', 'dashboard.get', {}, ORGANIZER);
    expect(dashboard.byUnit.find((u) => u.key === 'u1')?.figures.attendance).toBe(f1.total.value);
  });

  it('fills F2 as a plan and as a summary', async () => {
    const expected = await knownWeek();
    const plan = (await h.ok('organizer', 'forms.preview', { kind: 'F2', orgId: 'u2', mode: 'plan' }, STAFF_U2)).form
      .data as F2Data;
    expect(plan.rows.map((r) => [r.title, r.participants.value])).toEqual([
      ['农技讲座', 50],
      ['网课', 0],
    ]);
    const actual = (await h.ok('organizer', 'forms.preview', { kind: 'F2', orgId: 'u2' }, STAFF_U2)).form
      .data as F2Data;
    expect(actual.rows.map((r) => r.participants.value)).toEqual([expected.other, expected.stream]);
    expect(actual.total.value).toBe(expected.other + expected.stream);
  });

  it('fills F3 for the district, equal to the dashboard, with satisfaction', async () => {
    const expected = await knownWeek();
    const f3 = (await h.ok('organizer', 'forms.preview', { kind: 'F3' }, ORGANIZER)).form.data as F3Data;
    const dashboard = await h.ok('organizer', 'dashboard.get', {}, ORGANIZER);
    const total = expected.late + expected.morning + expected.other + expected.stream;
    expect(dashboard.week.attendance).toBe(total);
    // Holders p1, p2, p3 (3) + p1's companion and p3's two companions, one person per attendance (3)
    // + a walk-in party of two (2) = 8 people. (Before #11 companions were left out: 4.)
    expect(f3.participation.participants.value).toBe(`${total} 人次（8 人）`);
    expect(dashboard.week.distinctPeople).toBe(8);
    expect(f3.participation.areas.value).toBe('共 3 个街道（镇），2 个开展活动；举办活动 4 项');
    expect(f3.participation.venues.value).toBe('主会场 1 个，分会场 1 个');
    expect(f3.themeAndContent.period.value).toBe('11月14日—11月17日');
    expect(f3.reach.scope.value).toBe('街道（镇）：尧塘街道、金城镇；单位：尧塘社区教育中心、金城镇社区教育中心');
    expect(f3.reach.satisfaction.value).toBe('100.0%（1 份评价）');
    expect(dashboard.week.satisfaction).toEqual({ rate: 1, ratings: 1, good: 1, meetsExcellence: true });
    expect(f3.district).toBe('测试区');
    expect(f3.hostsAndCoHosts).toBe('主办：测试区教育局');
  });

  it('saves typed fields once and reuses them; the mobilisation meeting is counted', async () => {
    await knownWeek();
    await h.ok(
      'organizer',
      'forms.saveProfile',
      {
        kind: 'F1',
        orgId: 'u1',
        fields: { leader: '张主任', contactName: '李老师', contactPhone: '0519-82800000' },
        mobilisationEventId: 'late',
        contentOverrides: { morning: '手把手教学，现场答疑' },
      },
      STAFF_U1,
    );
    await h.ok(
      'organizer',
      'forms.saveProfile',
      { kind: 'F1', orgId: 'u1', fields: { contactEmail: 'a@b.cn' } },
      STAFF_U1,
    );
    const f1 = (await h.ok('organizer', 'forms.preview', { kind: 'F1' }, STAFF_U1)).form.data as F1Data;
    expect(f1.leader).toBe('张主任');
    expect(f1.contact).toEqual({ name: '李老师', position: '', phone: '0519-82800000', email: 'a@b.cn' });
    expect(f1.mobilisation.participants?.value).toBe(3);
    expect(f1.mobilisation.place).toBe('社区教育中心三楼');
    expect(f1.days[2].rows[0].content).toBe('手把手教学，现场答疑');
    const foreign = await h.call(
      'organizer',
      'forms.saveProfile',
      { kind: 'F1', orgId: 'u1', fields: {}, mobilisationEventId: 'other' },
      STAFF_U1,
    );
    expect(!foreign.ok && foreign.error.code).toBe('VALIDATION_FAILED');
  });

  it('lets staff report their own unit only, and only organizers the district', async () => {
    const other = await h.call('organizer', 'forms.preview', { kind: 'F1', orgId: 'u2' }, STAFF_U1);
    expect(!other.ok && other.error.code).toBe('FORBIDDEN');
    const district = await h.call('organizer', 'forms.preview', { kind: 'F3' }, STAFF_U1);
    expect(!district.ok && district.error.code).toBe('FORBIDDEN');
    const exportOther = await h.call('exports', 'attendance.export', { unitId: 'u2' }, STAFF_U1);
    expect(!exportOther.ok && exportOther.error.code).toBe('FORBIDDEN');
  });

  it('takes ratings only after check-in, once, from the attendee', async () => {
    const r = await h.ok(
      'resident',
      'signup.create',
      { eventId: 'morning', name: '赵六', phone: '13700000000', companions: 0, consent: true },
      'p9',
    );
    const rate = (who: string, score: number, comment = '') =>
      h.call('resident', 'rating.submit', { registrationId: r.registration.id, score, comment }, who);
    const early = await rate('p9', 4);
    expect(!early.ok && early.error.code).toBe('RATING_NOT_ALLOWED');
    h.clock.set(at('2026-11-16', '08:59'));
    const codes = await h.ok('resident', 'checkin.codes', { registrationId: r.registration.id }, 'p9');
    await h.ok(
      'staff',
      'checkin.scan',
      { eventId: 'morning', deviceId: 'dev-1', scanId: scanId(), code: codes.codes[0].code },
      STAFF_U1,
    );
    const stranger = await rate('p8', 1);
    expect(!stranger.ok && stranger.error.code).toBe('REGISTRATION_NOT_FOUND');
    expect((await rate('p9', 3, '一般')).ok).toBe(true);
    const twice = await rate('p9', 5);
    expect(!twice.ok && twice.error.code).toBe('ALREADY_RATED');
    const mine = await h.ok('resident', 'signup.mine', {}, 'p9');
    expect(mine.items[0].registration).toMatchObject({ myRating: 3, checkedInAt: at('2026-11-16', '08:59') });
    const dashboard = await h.ok('organizer', 'dashboard.get', {}, ORGANIZER);
    expect(dashboard.week.satisfaction).toEqual({ rate: 0, ratings: 1, good: 0, meetsExcellence: false });
  });

  it('exports F1 as a workbook whose counted cells read back as the figures', async () => {
    const expected = await knownWeek();
    const file = await h.ok('exports', 'forms.export', { kind: 'F1' }, STAFF_U1);
    expect(file.fileName).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(files.files.get(file.fileName)!) as never);
    const values: unknown[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    // The paper's 活动时间 column holds the day; the clock time stands under the activity's name.
    expect(values).toContain('夜读会\n23:30–次日01:00');
    expect(values).toContain(expected.late);
    expect(values).toContain(expected.late + expected.morning);
  });

  it('exports the raw attendance of a unit with masked phones', async () => {
    await knownWeek();
    const file = await h.ok('exports', 'attendance.export', { unitId: 'u2' }, STAFF_U2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(files.files.get(file.fileName)!) as never);
    const text = JSON.stringify(wb.worksheets[0].getSheetValues());
    expect(text).toContain('王秀英');
    expect(text).toMatch(/139\*{4}\d{4}/);
    expect(text).not.toMatch(/139\d{8}/);
    expect(text).toContain('现场登记');
  });

  it('imports a schedule sheet: good rows in, bad rows reported by row, nothing twice', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('安排表');
    ws.addRow(['“全民终身学习推进周”活动项目安排表']);
    ws.addRow(['活动项目', '活动形式与内容', '参加人数', '活动地点', '活动时间']);
    ws.addRow(['老年人智能手机培训', '讲授与实操', 40, '尧塘社区教育中心', '11月15日 9:00-11:00']);
    ws.addRow(['', '没有标题', 10, '某地', '11月15日 9:00-11:00']);
    ws.addRow(['亲子读书会', '共读绘本', '30人', '图书馆', '11月16日下午']);
    ws.addRow(['红色观影', '观影讨论', 20, '文化站', '下周三']);
    ws.addRow(['冬季养生直播', '线上直播讲座', '', '线上直播', '2026-11-17 19:00-20:00']);
    ws.addRow(['春节联欢', '文艺演出', 100, '广场', '2026-02-01 19:00-21:00']);
    const uploads: LocalUploads = localUploads(mkdtempSync(join(tmpdir(), 'uploads-')));
    h.deps.uploads = uploads;
    const fileId = uploads.save(STAFF_U1, new Uint8Array(await wb.xlsx.writeBuffer()))!.id;
    const report = await h.ok('exports', 'events.import', { unitId: 'u1', fileId }, STAFF_U1);
    expect(report.created).toHaveLength(3);
    expect(report.problems.map((p) => p.row)).toEqual([4, 6, 8]);
    expect(report.problems.every((p) => p.reason.startsWith(`第 ${p.row} 行`))).toBe(true);
    // Imported by unit staff: submitted for review, not yet visible to residents.
    expect(
      (await h.ok('resident', 'events.list', { day: '2026-11-16' }, 'someone')).events.map((e) => e.title),
    ).not.toContain('亲子读书会');
    for (const eventId of report.created) {
      await h.ok('organizer', 'event.review', { eventId, action: 'approve', reason: '' }, ORGANIZER);
    }
    const listed = await h.ok('resident', 'events.list', { day: '2026-11-16' }, 'someone');
    const reading = listed.events.find((e) => e.title === '亲子读书会');
    expect(reading).toMatchObject({ category: 'reading', capacity: 30, unitId: 'u1', streetId: 's1' });
    const stream = (await h.ok('resident', 'events.list', { day: '2026-11-17' }, 'someone')).events.find(
      (e) => e.title === '冬季养生直播',
    );
    expect(stream).toMatchObject({ mode: 'online', capacity: null });
    const again = await h.ok('exports', 'events.import', { unitId: 'u1', fileId }, STAFF_U1);
    expect(again.created).toEqual([]);
    expect(again.skipped).toHaveLength(3);
    const foreign = await h.call('exports', 'events.import', { unitId: 'u2', fileId }, STAFF_U1);
    expect(!foreign.ok && foreign.error.code).toBe('FORBIDDEN');
    // Someone else's upload is not readable, even by an organizer who may import for the unit.
    const notTheirs = await h.call('exports', 'events.import', { unitId: 'u1', fileId }, ORGANIZER);
    expect(!notTheirs.ok && notTheirs.error.code).toBe('UPLOAD_NOT_FOUND');
    const unknown = await h.call(
      'exports',
      'events.import',
      { unitId: 'u1', fileId: 'u-AAAAAAAAAAAAAAAAAAAAAA' },
      STAFF_U1,
    );
    expect(!unknown.ok && unknown.error.code).toBe('UPLOAD_NOT_FOUND');
    // A zip that is not a workbook: reported, nothing created.
    const zip = uploads.save(STAFF_U1, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))!.id;
    const garbage = await h.ok('exports', 'events.import', { unitId: 'u1', fileId: zip }, STAFF_U1);
    expect(garbage).toMatchObject({ created: [], problems: [{ row: 0 }] });
    // The old inline-bytes field is refused.
    const inline = await h.call('exports', 'events.import', { unitId: 'u1', fileBase64: 'UEsDBA==' }, STAFF_U1);
    expect(!inline.ok && inline.error.code).toBe('VALIDATION_FAILED');
  });
});
