/**
 * The organisation award at any level of the tree: a city evaluates its districts, a province
 * its cities. The counted parts of each sheet equal the district's dashboard, the roll-up's row
 * and the counted form the district handed in through the reporting chain; people are counted
 * once across districts. The city's sample spans its districts' attendees; scoring and decisions
 * belong to the city alone.
 */
import ExcelJS from 'exceljs';
import { at } from '../../backend/core/time';
import { openHarness, type Harness } from '../support/harness';
import { attend, buildChain, CAMPAIGNS, ORGANIZERS, walkIn } from '../reporting/chain-world';

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
    await attend(h, 'jintan', 'res-wang');
    await attend(h, 'jintan', 'res-li');
    await attend(h, 'liyang', 'res-wang');
    await walkIn(h, 'liyang');
    await attend(h, 'xishan', 'res-wang');
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
    const { task } = await h.ok(
      'organizer',
      'report.create',
      {
        title: '活动周总结',
        deadline: '2026-11-23',
        targetKind: 'district',
        items: [{ kind: 'form', key: 'f', label: '活动周总结表', required: true, form: 'rollup', mode: 'actual' }],
        campaignId: CAMPAIGNS.changzhou,
      },
      ORGANIZERS.changzhou,
    );
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
});
