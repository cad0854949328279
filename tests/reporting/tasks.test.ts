/**
 * A reporting task's life across levels: the city asks its districts, they submit (one late),
 * one is returned and resubmits, the city approves; permissions at each level; counted forms
 * frozen at submission with later attendance shown as a difference; reminders; the .zip with
 * its 汇总表 read back.
 */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { at } from '../../backend/core/time';
import type { ApiResult } from '../../types/api';
import type { FileRef } from '../../types/reporting';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localUploads, type LocalUploads } from '../../server/uploads';
import { openHarness, type Harness } from '../support/harness';
import { jpegOf, pdfOf, pngOf } from '../support/media';
import { resolveCaller } from '../../backend/usecases/identity';
import { outboxSender } from '../../backend/usecases/reminders';
import { submittedItems } from '../../backend/usecases/report-files';
import { attend, buildChain, CAMPAIGNS, cityTask, ORGANIZERS, walkIn } from './chain-world';

const SUMMARY = '本区活动周组织有力，共举办活动若干场，覆盖各街道镇。';
let uploads: LocalUploads;
/** What the phone uploads first (server/uploads.ts); the call then carries the id and what the phone says. */
const upload = (owner: string, bytes: Uint8Array, name: string, said: Partial<FileRef> = {}): FileRef => ({
  fileId: uploads.save(owner, bytes)?.id ?? 'u-AAAAAAAAAAAAAAAAAAAAAA',
  name,
  mime: 'image/jpeg',
  size: 1,
  ...said,
});
const photo = (owner: string, n: number): FileRef =>
  upload(owner, jpegOf(1920, 1080), `p${n}.jpg`, { caption: `活动照片${n}` });
const answersOf = (owner: string) => ({
  figures: { kind: 'form' },
  summary: { kind: 'text', text: SUMMARY },
  photos: { kind: 'photos', photos: [photo(owner, 1), photo(owner, 2)] },
});
let answers: ReturnType<typeof answersOf>;
let liyangAnswers: ReturnType<typeof answersOf>;
const items = [
  { kind: 'form', key: 'figures', label: '活动周总结表', required: true, form: 'rollup', mode: 'actual' },
  { kind: 'text', key: 'summary', label: '活动总结', required: true, minChars: 20, maxChars: 5000 },
  { kind: 'photos', key: 'photos', label: '活动照片', required: true, count: 2, minWidth: 1280, minHeight: 720 },
];

const codeOf = (r: ApiResult<unknown>) => (r.ok ? 'ok' : r.error.code);

describe('reporting tasks from a city to its districts', () => {
  let h: Harness;
  let published: { fileName: string; bytes: Uint8Array }[];
  beforeEach(async () => {
    h = openHarness(at('2026-11-15', '08:50'));
    published = [];
    h.deps.files = {
      publish: async (fileName, bytes) => {
        published.push({ fileName, bytes });
        return { url: `/exports/t/${fileName}`, fileId: null, fileName, expiresAt: 0 };
      },
    };
    uploads = localUploads(mkdtempSync(join(tmpdir(), 'report-uploads-')));
    h.deps.uploads = uploads;
    answers = answersOf(ORGANIZERS.jintan);
    liyangAnswers = answersOf(ORGANIZERS.liyang);
    await buildChain(h);
    await attend(h, 'jintan', 'res-wang');
    await attend(h, 'jintan', 'res-li');
    await attend(h, 'liyang', 'res-wang');
  });
  afterEach(() => h.close());
  const callerOf = (openid: string) => resolveCaller(h.store, openid);
  /** The call by which a district's organizer hands in its answers (by default `answers`) to a task. */
  const submitting = (taskId: string, orgId: 'jintan' | 'liyang', a: object = answers) =>
    ['organizer', 'report.submit', { taskId, orgId, answers: a }, ORGANIZERS[orgId]] as const;
  /** 溧阳市 counted as a district of 常州 (in the chain it is a county-level city). */
  const liyangAsDistrict = () =>
    h.store.putOrg({ id: 'liyang', kind: 'district', parentId: 'changzhou', districtId: 'liyang', name: '溧阳市' });

  it('runs create, submit, late, return, resubmit and approve with the tracker following', async () => {
    const task = await cityTask(h, items);
    // 溧阳市 is a county-level city: only orgs of the chosen kind are expected.
    expect(task.targetOrgIds).toEqual(['jintan']);
    const both = await cityTask(h, items, { targetKind: 'county' });
    expect(both.targetOrgIds).toEqual(['liyang']);
    await liyangAsDistrict();
    const t = await cityTask(h, items);
    expect(t.targetOrgIds).toEqual(['jintan', 'liyang']);

    // 金坛 submits on time; its counted form is frozen from its live figures.
    h.clock.set(at('2026-11-20', '10:00'));
    const first = await h.ok(...submitting(t.id, 'jintan'));
    const form = first.submission.versions[0].answers.figures;
    expect(form.kind === 'form' && [form.figures.attendance, form.figures.distinctPeople]).toEqual([2, 2]);
    expect(first.submission.versions[0].late).toBe(false);

    // 溧阳 submits after the deadline's end (23 Nov 24:00): taken, marked late.
    h.clock.set(at('2026-11-24', '00:00'));
    const late = await h.ok(...submitting(t.id, 'liyang', liyangAnswers));
    expect(late.submission.versions[0].late).toBe(true);

    let view = await h.ok('organizer', 'report.track', { taskId: t.id }, ORGANIZERS.changzhou);
    expect(view.rows.map((r) => [r.orgName, r.state])).toEqual([
      ['金坛区', 'submitted'],
      ['溧阳市', 'late'],
    ]);
    expect([view.completeness, view.onTime]).toEqual([1, 0.5]);
    expect(view.remainingMs).toBe(0);

    // Returned with a reason: 金坛's organizer is told, the tracker shows it, completeness drops.
    const decideJintan = async (action: 'return' | 'approve', reason?: string) => {
      const decision = { taskId: t.id, orgId: 'jintan', action, ...(reason === undefined ? {} : { reason }) };
      return codeOf(await h.call('organizer', 'report.decide', decision, ORGANIZERS.changzhou));
    };
    expect(await decideJintan('return')).toBe('VALIDATION_FAILED');
    expect(await decideJintan('return', '照片说明不全')).toBe('ok');
    const notices = await h.ok('resident', 'notices.list', {}, ORGANIZERS.jintan);
    expect(notices.notices.map((n) => [n.kind, n.text.includes('照片说明不全')])).toEqual([['report_returned', true]]);
    view = await h.ok('organizer', 'report.track', { taskId: t.id }, ORGANIZERS.changzhou);
    expect(view.rows[0]).toMatchObject({ state: 'returned', returnReason: '照片说明不全' });
    expect(view.completeness).toBe(0.5);
    expect(await decideJintan('approve')).toBe('REPORT_STATE_CONFLICT');

    // Resubmitted: a second version, the first kept; still on time (its first version was).
    const again = await h.ok(
      ...submitting(t.id, 'jintan', { ...answers, summary: { kind: 'text', text: `${SUMMARY}照片说明已补全。` } }),
    );
    expect(again.submission.versions.map((v) => v.n)).toEqual([1, 2]);
    expect(again.submission.versions[0].answers.summary).toEqual({ kind: 'text', text: SUMMARY });
    expect(codeOf(await h.call(...submitting(t.id, 'jintan')))).toBe('REPORT_STATE_CONFLICT');

    // Attendance changes after submission show as a difference, not in the frozen figures.
    h.clock.set(at('2026-11-15', '09:30'));
    await walkIn(h, 'jintan');
    view = await h.ok('organizer', 'report.track', { taskId: t.id }, ORGANIZERS.changzhou);
    expect(view.rows[0].figures?.attendance).toBe(2);
    expect(view.rows[0].sinceSubmitted).toEqual({ attendance: 1, distinctPeople: 1, eventsHeld: 0 });

    // Approving makes them the city's figures from submissions: 王 is one person across both.
    for (const orgId of ['jintan', 'liyang']) {
      await h.ok('organizer', 'report.decide', { taskId: t.id, orgId, action: 'approve' }, ORGANIZERS.changzhou);
    }
    view = await h.ok('organizer', 'report.track', { taskId: t.id }, ORGANIZERS.changzhou);
    expect(view.rows.map((r) => r.state)).toEqual(['approved', 'approved']);
    expect([view.completeness, view.onTime]).toEqual([1, 0.5]);
    expect(view.approved).toEqual({ orgs: 2, attendance: 3, distinctPeople: 2, eventsHeld: 2 });

    // The audit log of the city and of the district.
    const cityAudit = await h.store.listAudit('changzhou', 0, 50);
    expect(cityAudit.records.map((r) => r.action).sort()).toEqual([
      'report.approve',
      'report.approve',
      'report.return',
      'report.task.create',
      'report.task.create',
      'report.task.create',
    ]);
    const districtAudit = await h.store.listAudit('jintan', 0, 50);
    expect(districtAudit.records.filter((r) => r.action === 'report.submit')).toHaveLength(2);

    // Everything as one .zip: a folder per org and the 汇总表.
    const file = await h.ok('exports', 'report.package', { taskId: t.id }, ORGANIZERS.changzhou);
    expect(file.fileName).toBe('活动周总结.zip');
    const zip = unzipSync(published.at(-1)!.bytes);
    expect(
      Object.keys(zip)
        .filter((k) => !k.endsWith('/'))
        .sort(),
    ).toEqual(
      [
        '金坛区/活动总结.txt',
        '金坛区/活动周总结表.xlsx',
        '金坛区/活动照片-文件清单.txt',
        '金坛区/活动照片/照片/1-p1.jpg',
        '金坛区/活动照片/照片/2-p2.jpg',
        '溧阳市/活动总结.txt',
        '溧阳市/活动周总结表.xlsx',
        '溧阳市/活动照片-文件清单.txt',
        '溧阳市/活动照片/照片/1-p1.jpg',
        '溧阳市/活动照片/照片/2-p2.jpg',
        '汇总表.xlsx',
      ].sort(),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(zip['汇总表.xlsx']) as never);
    const ws = wb.getWorksheet('汇总表')!;
    const row = (r: number) => [1, 2, 3, 8, 9].map((c) => ws.getCell(r, c).value);
    expect(row(3)).toEqual(['金坛区', '已通过', 2, 2, 2]);
    expect(row(4)).toEqual(['溧阳市', '已通过', 1, 1, 1]);
    // The photos are the uploaded bytes, listed with their captions and measured resolution.
    expect(Buffer.from(zip['金坛区/活动照片/照片/1-p1.jpg']).equals(Buffer.from(jpegOf(1920, 1080)))).toBe(true);
    expect(new TextDecoder().decode(zip['金坛区/活动照片-文件清单.txt']).split('\n')[1]).toBe(
      '照片\t活动照片/照片/1-p1.jpg\t活动照片1\t1920×1080',
    );

    // One file as a temporary link: the city and the province above it; not a sibling district.
    const photoId = (answers.photos.photos[0] as FileRef).fileId;
    const ref = { taskId: t.id, orgId: 'jintan', fileId: photoId };
    expect(codeOf(await h.call('exports', 'report.file', ref, ORGANIZERS.changzhou))).toBe('ok');
    expect(Buffer.from(published.at(-1)!.bytes).equals(Buffer.from(jpegOf(1920, 1080)))).toBe(true);
    expect(codeOf(await h.call('exports', 'report.file', ref, ORGANIZERS.js))).toBe('ok');
    expect(codeOf(await h.call('exports', 'report.file', ref, ORGANIZERS.jintan))).toBe('ok');
    expect(codeOf(await h.call('exports', 'report.file', ref, ORGANIZERS.liyang))).toBe('FORBIDDEN');
    const other = { ...ref, fileId: (liyangAnswers.photos.photos[0] as FileRef).fileId };
    expect(codeOf(await h.call('exports', 'report.file', other, ORGANIZERS.changzhou))).toBe('UPLOAD_NOT_FOUND');
    expect((await h.store.listAudit('jintan', 0, 50)).records.some((r) => r.action === 'report.file.read')).toBe(true);

    // What 金坛 handed in for the city's campaign, item by item (award evidence reads this).
    const handedIn = await submittedItems(h.deps, await callerOf(ORGANIZERS.changzhou), {
      campaignId: CAMPAIGNS.changzhou,
      orgId: 'jintan',
    });
    expect(handedIn.filter((i) => i.taskId === t.id).map((i) => [i.itemKey, i.version, i.files.length])).toEqual([
      ['figures', 2, 0],
      ['summary', 2, 0],
      ['photos', 2, 2],
    ]);
    expect(handedIn.find((i) => i.itemKey === 'photos')?.files[0]).toMatchObject({
      folder: '照片',
      caption: '活动照片1',
      width: 1920,
      height: 1080,
      mime: 'image/jpeg',
    });
    await expect(
      submittedItems(h.deps, await callerOf(ORGANIZERS.liyang), { campaignId: CAMPAIGNS.changzhou, orgId: 'jintan' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('enforces who may do what at each level', async () => {
    const t = await cityTask(h, items);
    const call = (action: string, data: object, who: string) => h.call('organizer', action as never, data, who);
    // A district cannot submit for another, nor for an org outside the task.
    expect(codeOf(await call('report.submit', { taskId: t.id, orgId: 'jintan', answers }, ORGANIZERS.liyang))).toBe(
      'REPORT_NOT_YOUR_ORG',
    );
    expect(codeOf(await call('report.submit', { taskId: t.id, orgId: 'xishan', answers }, ORGANIZERS.xishan))).toBe(
      'REPORT_NOT_YOUR_ORG',
    );
    // Districts, another city and staff cannot track or decide; the province above can track.
    expect(codeOf(await call('report.track', { taskId: t.id }, ORGANIZERS.jintan))).toBe('FORBIDDEN');
    expect(codeOf(await call('report.track', { taskId: t.id }, ORGANIZERS.wuxi))).toBe('FORBIDDEN');
    expect(codeOf(await call('report.track', { taskId: t.id }, ORGANIZERS.js))).toBe('ok');
    await h.ok(...submitting(t.id, 'jintan'));
    const decide = { taskId: t.id, orgId: 'jintan', action: 'approve' };
    expect(codeOf(await call('report.decide', decide, ORGANIZERS.jintan))).toBe('FORBIDDEN');
    expect(codeOf(await call('report.decide', decide, ORGANIZERS.wuxi))).toBe('FORBIDDEN');
    expect(codeOf(await call('report.decide', decide, 'res-wang'))).toBe('FORBIDDEN');
    // The district reads its own submission; a sibling does not.
    expect(codeOf(await call('report.get', { taskId: t.id, orgId: 'jintan' }, ORGANIZERS.jintan))).toBe('ok');
    expect(codeOf(await call('report.get', { taskId: t.id, orgId: 'jintan' }, ORGANIZERS.liyang))).toBe('FORBIDDEN');
    // The district sees the task as received, the city as issued.
    const listed = await h.ok('organizer', 'report.list', {}, ORGANIZERS.jintan);
    expect([listed.issued.length, listed.received.map((x) => x.id)]).toEqual([0, [t.id]]);
    // A district asks its own streets; it has no districts below.
    expect(
      codeOf(
        await call('report.create', { preset: 'jintan-summary', year: 2026, targetKind: 'street' }, ORGANIZERS.jintan),
      ),
    ).toBe('ok');
    expect(
      codeOf(
        await call(
          'report.create',
          { preset: 'jintan-summary', year: 2026, targetKind: 'district' },
          ORGANIZERS.jintan,
        ),
      ),
    ).toBe('VALIDATION_FAILED');
  });

  it('refuses after the closing day, and reminds only the orgs still missing', async () => {
    await liyangAsDistrict();
    const t = await cityTask(h, items, { closesOn: '2026-11-24' });
    await h.ok(...submitting(t.id, 'jintan'));
    // 溧阳's organizer accepted the 上报提醒 subscription once; messages go to the local outbox.
    h.deps.reminders = outboxSender;
    expect(await h.ok('organizer', 'report.subscribe', { accepted: true }, ORGANIZERS.liyang)).toEqual({ credits: 1 });
    const reminded = await h.ok('organizer', 'report.remind', { taskId: t.id }, ORGANIZERS.changzhou);
    expect(reminded).toEqual({ orgs: 1, notices: 1, messages: { sent: 1, noCredit: 0, failed: 0 } });
    const outbox = await h.ok('resident', 'reminders.mine', {}, ORGANIZERS.liyang);
    expect(outbox.reminders.map((r) => [r.kind, r.status, r.fields])).toEqual([
      ['report_reminder', 'sent', { thing1: '活动周总结', time2: '2026年11月23日', thing4: '还有9天截止，请尽快上报' }],
    ]);
    // The credit is spent: the same day's second reminder sends no message (once a day), and
    // the next day's finds no credit, recorded as such.
    const again = await h.ok('organizer', 'report.remind', { taskId: t.id }, ORGANIZERS.changzhou);
    expect(again.messages).toEqual({ sent: 0, noCredit: 0, failed: 0 });
    h.clock.set(at('2026-11-16', '09:00'));
    const nextDay = await h.ok('organizer', 'report.remind', { taskId: t.id }, ORGANIZERS.changzhou);
    expect([nextDay.notices, nextDay.messages]).toEqual([1, { sent: 0, noCredit: 1, failed: 0 }]);
    expect((await h.ok('resident', 'reminders.mine', {}, ORGANIZERS.jintan)).reminders).toEqual([]);
    const toLiyang = await h.ok('resident', 'notices.list', {}, ORGANIZERS.liyang);
    expect(toLiyang.notices.map((n) => n.kind)).toEqual(['report_reminder', 'report_reminder', 'report_reminder']);
    const toJintan = await h.ok('resident', 'notices.list', {}, ORGANIZERS.jintan);
    expect(toJintan.notices).toEqual([]);
    h.clock.set(at('2026-11-25', '00:00'));
    expect(codeOf(await h.call(...submitting(t.id, 'liyang', liyangAnswers)))).toBe('REPORT_LATE');
  });

  it('freezes counted forms from the issuer’s own campaign when none is named', async () => {
    const { task } = await h.ok(
      'organizer',
      'report.create',
      { preset: 'changzhou-plan', year: 2026, targetKind: 'district' },
      ORGANIZERS.changzhou,
    );
    expect([task.campaignId, task.deadline, task.title]).toEqual([
      CAMPAIGNS.changzhou,
      '2026-10-10',
      '启动仪式方案、实施方案和活动项目安排表',
    ]);
  });

  it('names the item that is missing or wrong', async () => {
    const t = await cityTask(h, items);
    const submit = (a: object) =>
      h.call('organizer', 'report.submit', { taskId: t.id, orgId: 'jintan', answers: a }, ORGANIZERS.jintan);
    const missing = await submit({ figures: { kind: 'form' }, summary: answers.summary });
    expect(missing.ok ? null : [missing.error.code, missing.error.fields?.[0].path]).toEqual([
      'REPORT_INCOMPLETE',
      'photos',
    ]);
    const short = await submit({ ...answers, summary: { kind: 'text', text: '太短' } });
    expect(short.ok ? null : [short.error.code, short.error.fields?.[0].path]).toEqual([
      'REPORT_TEXT_TOO_SHORT',
      'summary',
    ]);
    const J = ORGANIZERS.jintan;
    const withSecond = (second: FileRef) =>
      submit({ ...answers, photos: { kind: 'photos', photos: [photo(J, 1), second] } });
    // The bytes decide, not what the phone says: a PDF sent as a photo, a small photo said to be large.
    const pdf = await withSecond(upload(J, pdfOf(), 'p2.jpg', { caption: '会场' }));
    expect(codeOf(pdf)).toBe('REPORT_FILE_TYPE');
    const small = await withSecond(
      upload(J, pngOf(800, 600), 'p2.png', { caption: '会场', width: 1920, height: 1080 }),
    );
    expect(small.ok ? null : [small.error.code, small.error.message.includes('分辨率不足 1280×720')]).toEqual([
      'REPORT_FILE_TYPE',
      true,
    ]);
    const huge = await withSecond(upload(J, jpegOf(1920, 1080, 11 * 1024 * 1024), 'p2.jpg', { caption: '会场' }));
    expect(codeOf(huge)).toBe('REPORT_FILE_TOO_LARGE');
    const noCaption = await withSecond(upload(J, jpegOf(1920, 1080), 'p2.jpg'));
    expect(codeOf(noCaption)).toBe('REPORT_INCOMPLETE');
    // Not uploaded, or uploaded by someone else: not found, naming the item.
    const missing2 = await withSecond({ ...photo(J, 2), fileId: 'u-BBBBBBBBBBBBBBBBBBBBBB' });
    expect(missing2.ok ? null : [missing2.error.code, missing2.error.fields?.[0].path]).toEqual([
      'UPLOAD_NOT_FOUND',
      'photos',
    ]);
    expect(codeOf(await withSecond(photo(ORGANIZERS.liyang, 2)))).toBe('UPLOAD_NOT_FOUND');
    expect(await h.store.getSubmission(`${t.id}_jintan`)).toBeNull();
  });
});
