/**
 * The organisation award at any level of the tree: a city evaluates its districts, a province
 * its cities. The counted parts of each sheet equal the district's dashboard, the roll-up's row
 * and the counted form the district handed in through the reporting chain; people are counted
 * once across districts. The city's sample spans its districts' attendees; scoring and decisions
 * belong to the city alone.
 */
import ExcelJS from 'exceljs';
import { at } from '../../backend/core/time';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localUploads } from '../../server/uploads';
import { openHarness, type Harness } from '../support/harness';
import { jpegOf, pdfOf } from '../support/media';
import { attendAcrossTheChain, buildChain, CAMPAIGNS, cityTask, ORGANIZERS } from '../reporting/chain-world';

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

describe('award sheets of a city over its districts', () => {
  let h: Harness;
  let written: Record<string, Uint8Array>;
  beforeEach(async () => {
    h = openHarness(at('2026-11-15', '08:50'));
    written = {};
    h.deps.files = {
      publish: async (fileName, bytes) => {
        written[fileName] = bytes;
        return { url: `/exports/t/${fileName}`, fileId: null, fileName, expiresAt: 0 };
      },
    };
    await buildChain(h);
    // 王 comes in 金坛 and 溧阳 (both 常州) and in 锡山 (无锡); 李 only in 金坛; one walk-in in 溧阳.
    await attendAcrossTheChain(h);
    h.clock.set(at('2026-11-20', '10:00'));
  });
  afterEach(() => h.close());

  it('fills each district’s counted parts as its dashboard, the roll-up and its reported form count', async () => {
    const { sheets } = await h.ok('organizer', 'award.sheets', {}, ORGANIZERS.changzhou);
    expect(sheets.map((s) => [s.org.name, s.counted.figures.attendance, s.counted.figures.distinctPeople])).toEqual([
      // By hand: 金坛 王 + 李; 溧阳 王 + the walk-in.
      ['金坛区', 2, 2],
      ['溧阳市', 2, 2],
    ]);
    const rollup = await h.ok('organizer', 'rollup.get', { campaignId: CAMPAIGNS.changzhou }, ORGANIZERS.changzhou);
    for (const sheet of sheets) {
      // The roll-up also says how many of its people are walk-ins and companions (extraPeople).
      const figures = rollup.below.find((b) => b.orgId === sheet.org.id)!.figures;
      const row = Object.fromEntries(Object.entries(figures).filter(([key]) => key !== 'extraPeople'));
      expect(sheet.counted.figures).toMatchObject(row);
    }
    // The district's own dashboard (全年) shows the same sheet.
    const dashboard = await h.ok('organizer', 'dashboard.get', { campaignId: CAMPAIGNS.jintan }, ORGANIZERS.jintan);
    expect(sheets[0].counted.figures).toEqual(dashboard.period);

    // The reporting chain: 金坛 hands in a counted form to the city; the frozen figures agree.
    const task = await cityTask(h, [
      { kind: 'form', key: 'f', label: '活动周总结表', required: true, form: 'rollup', mode: 'actual' },
    ]);
    const { submission } = await h.ok(
      'organizer',
      'report.submit',
      { taskId: task.id, orgId: 'jintan', answers: { f: { kind: 'form' } } },
      ORGANIZERS.jintan,
    );
    const form = submission.versions[0].answers.f;
    if (form.kind !== 'form') throw new Error('expected the counted form');
    expect(sheets[0].counted.figures).toMatchObject({
      eventsScheduled: form.figures.eventsScheduled,
      eventsHeld: form.figures.eventsHeld,
      attendance: form.figures.attendance,
      distinctPeople: form.figures.distinctPeople,
    });
  });

  it('counts a person once at the province: 常州 is 4 人次 but 3 人', async () => {
    const { sheets } = await h.ok('organizer', 'award.sheets', {}, ORGANIZERS.js);
    expect(sheets.map((s) => [s.org.id, s.counted.figures.attendance, s.counted.figures.distinctPeople])).toEqual([
      ['changzhou', 4, 3],
      ['wuxi', 1, 1],
    ]);
    // Both districts' activities count for 常州's 内容 and 参与单位.
    expect(sheets[0].counted.unitsTakingPart).toBe(2);
  });

  it('draws the city’s sample over its districts and splits it by district', async () => {
    const { sample } = await h.ok('organizer', 'sampling.draw', { margin: 0.2, seed: 3 }, ORGANIZERS.changzhou);
    // Frame: the 3 sign-ups checked in at 金坛 (2) and 溧阳 (1); the walk-in cannot be asked.
    expect(sample.population).toBe(3);
    expect(sample.strata.map((s) => [s.key, s.population])).toEqual([
      ['ev-jt', 2],
      ['ev-ly', 1],
    ]);
    const { sheets } = await h.ok('organizer', 'award.sheets', {}, ORGANIZERS.changzhou);
    expect(sheets.map((s) => s.counted.sampled?.sampleSize)).toEqual([2, 1]);
  });

  it('lets only the city score and decide its districts, and exports its list', async () => {
    const city = { campaignId: CAMPAIGNS.changzhou, orgId: 'jintan' };
    for (const who of [ORGANIZERS.jintan, ORGANIZERS.wuxi]) {
      expect(
        codeOf(await h.call('organizer', 'award.decide', { ...city, decision: 'excellent', version: 0 }, who)),
      ).toBe('FORBIDDEN');
      expect(codeOf(await h.call('organizer', 'award.sheets', { campaignId: CAMPAIGNS.changzhou }, who))).toBe(
        'FORBIDDEN',
      );
    }
    // 锡山 is not below 常州.
    expect(
      codeOf(
        await h.call(
          'organizer',
          'award.decide',
          { campaignId: CAMPAIGNS.changzhou, orgId: 'xishan', decision: 'excellent', version: 0 },
          ORGANIZERS.changzhou,
        ),
      ),
    ).toBe('FORBIDDEN');
    await h.ok(
      'organizer',
      'award.score',
      { ...city, criterion: 'leadership', score: 17, comment: '区领导出席启动仪式', version: 0 },
      ORGANIZERS.changzhou,
    );
    await h.ok('organizer', 'award.decide', { ...city, decision: 'excellent', version: 1 }, ORGANIZERS.changzhou);
    const { file } = await h.ok('exports', 'award.export', {}, ORGANIZERS.changzhou);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(written[file.fileName]) as never);
    const rows = [3, 4].map((r) => (wb.worksheets[0].getRow(r).values as unknown[]).slice(1));
    expect(rows.map((r) => [r[1], r[4], r[10], r[13]])).toEqual([
      ['金坛区', 2, 17, '优秀组织奖'],
      ['溧阳市', 2, undefined, '未评定'],
    ]);
  });

  it('shows what each district handed in to the city as evidence for the judged criteria', async () => {
    const PLAN = '区委区政府高度重视，成立活动周领导小组，落实专项经费二十万元，制定启动仪式方案和实施方案。';
    const task = await cityTask(
      h,
      [
        { kind: 'text', key: 'plan', label: '实施方案', required: true, minChars: 20, maxChars: 5000 },
        { kind: 'form', key: 'f2', label: '活动项目安排表', required: true, form: 'F2', mode: 'plan' },
        { kind: 'scan', key: 'scan', label: '盖章扫描件', required: false },
        {
          kind: 'photos',
          key: 'photos',
          label: '活动照片',
          required: true,
          count: 1,
          minWidth: 1280,
          minHeight: 720,
        },
        {
          kind: 'cases',
          key: 'cases',
          label: '典型案例',
          required: false,
          count: 1,
          titleMax: 20,
          minChars: 10,
          maxChars: 800,
          images: 1,
        },
      ],
      { title: '方案与总结' },
    );
    // What 金坛's phone uploaded first (server/uploads.ts): the submission carries the ids.
    const uploads = localUploads(mkdtempSync(join(tmpdir(), 'award-uploads-')));
    h.deps.uploads = uploads;
    const scanId = uploads.save(ORGANIZERS.jintan, pdfOf())?.id ?? '';
    const photo = {
      fileId: uploads.save(ORGANIZERS.jintan, jpegOf(1920, 1080))?.id ?? '',
      name: 'p1.jpg',
      mime: 'image/jpeg',
      size: 800_000,
      width: 1920,
      height: 1080,
      caption: '启动仪式',
    };
    await h.ok(
      'organizer',
      'report.submit',
      {
        taskId: task.id,
        orgId: 'jintan',
        answers: {
          plan: { kind: 'text', text: PLAN },
          f2: { kind: 'form' },
          scan: {
            kind: 'scan',
            file: { fileId: scanId, name: '盖章.pdf', mime: 'application/pdf', size: 90_000 },
          },
          photos: { kind: 'photos', photos: [photo] },
          cases: {
            kind: 'cases',
            cases: [{ title: '银龄课堂进社区', text: '老人们在家门口学会了智能手机。', images: [photo] }],
          },
        },
      },
      ORGANIZERS.jintan,
    );
    await h.ok(
      'organizer',
      'report.decide',
      { taskId: task.id, orgId: 'jintan', action: 'return', reason: '请补充预算明细' },
      ORGANIZERS.changzhou,
    );

    const { sheets } = await h.ok('organizer', 'award.sheets', {}, ORGANIZERS.changzhou);
    const jintan = sheets.find((s) => s.org.id === 'jintan')!;
    // The plan text has 45 characters; the F2 plan lists 金坛's one activity.
    expect(jintan.submitted.leadership.map((e) => [e.kind, e.title, e.status])).toEqual([
      ['text', '实施方案（45字）', 'returned'],
      ['form', '活动项目安排表（计划1场）', 'returned'],
      ['file', '盖章扫描件：盖章.pdf', 'returned'],
    ]);
    expect(jintan.submitted.leadership[0].excerpt).toBe(PLAN);
    expect(jintan.submitted.leadership[2].fileId).toBe(scanId);
    expect(jintan.submitted.publicity.map((e) => [e.kind, e.title])).toEqual([
      ['photo', '活动照片 1：启动仪式'],
      ['case', '典型案例：银龄课堂进社区'],
    ]);
    expect(jintan.submitted.leadership.every((e) => e.task === '方案与总结')).toBe(true);
    // 溧阳 handed nothing in.
    expect(sheets.find((s) => s.org.id === 'liyang')!.submitted).toEqual({ leadership: [], publicity: [] });
    // A district's own evaluation of its streets does not see what it sent upward.
    const own = await h.ok('organizer', 'award.sheets', {}, ORGANIZERS.jintan);
    expect(own.sheets.flatMap((s) => [...s.submitted.leadership, ...s.submitted.publicity])).toEqual([]);
  });
});
