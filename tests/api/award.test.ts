/**
 * 抽样满意度 and the organisation award through the API: the draw is stored, reproducible and
 * audited; sampled people are told; the result has its response rate and interval beside the
 * voluntary ratings; award sheets count what the dashboard counts; scoring and decisions by level.
 */
import ExcelJS from 'exceljs';
import { drawStratified } from '../../backend/core/sampling';
import { at } from '../../backend/core/time';
import type { Harness } from '../support/harness';
import {
  attend,
  DAY,
  evaluationWorld,
  ORGANIZER,
  OTHER_ORGANIZER,
  STAFF_U1,
  STAFF_U2,
  writtenFiles,
} from './evaluation-fixtures';

const residents = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `openid-${prefix}-${i}`);

describe('satisfaction sample and organisation award', () => {
  let h: Harness;
  let regsA: string[];
  let regsC: string[];
  beforeEach(async () => {
    h = await evaluationWorld();
    regsA = await attend(h, 'a', STAFF_U1, residents('a', 6));
    regsC = await attend(h, 'c', STAFF_U2, residents('c', 4));
    // One more sign-up at a who never came: not in the frame.
    await h.ok(
      'resident',
      'signup.create',
      { eventId: 'a', name: '李四', phone: '13900001111', companions: 0, consent: true },
      'openid-absent',
    );
    h.clock.set(at(DAY, '12:00'));
  });
  afterEach(() => h.close());

  it('draws a stratified sample of the attendees, stores it, tells the sampled and audits the draw', async () => {
    const { sample } = await h.ok('organizer', 'sampling.draw', { margin: 0.2, seed: 99 }, ORGANIZER);
    // N = 10; n0 = 1.96²·0.25/0.2² = 24.01; n = 24.01 / (1 + 23.01/10) = 7.27 → 8.
    expect(sample.population).toBe(10);
    expect(sample.drawn).toHaveLength(8);
    // Proportional: a 6/10·8 = 4.8, c 3.2 → 4 and 3, the one left to a (larger remainder).
    expect(sample.strata).toEqual([
      { key: 'a', population: 6, allocated: 5 },
      { key: 'c', population: 4, allocated: 3 },
    ]);
    expect(sample.drawn.slice(0, 5).every((id) => regsA.includes(id))).toBe(true);
    expect(sample.drawn.slice(5).every((id) => regsC.includes(id))).toBe(true);
    // Reproducible from what is stored: the same frame and seed draw the same list.
    const again = drawStratified(
      [
        { key: 'c', ids: [...regsC] },
        { key: 'a', ids: [...regsA].reverse() },
      ],
      8,
      sample.seed,
    );
    expect(again.drawn).toEqual(sample.drawn);
    expect(await h.store.getSample(sample.id)).toEqual(sample);

    // Exactly the sampled people got an in-app notice.
    const owners = [...residents('a', 6), ...residents('c', 4)];
    const invited: string[] = [];
    for (const openid of owners) {
      const { notices } = await h.ok('resident', 'notices.list', {}, openid);
      if (notices.some((n) => n.kind === 'rating_invite')) invited.push(openid);
    }
    expect(invited).toHaveLength(8);
    expect(sample.notified).toBe(8);

    const audit = await h.ok('organizer', 'setupAudit.list', {}, ORGANIZER);
    expect(audit.records.map((r) => r.action)).toContain('sample.draw');
    expect(audit.records.find((r) => r.action === 'sample.draw')?.summary).toContain('种子99');
  });

  it('refuses an empty frame, a margin out of range, and callers of other levels', async () => {
    await h.store.putCampaign({ ...(await h.store.getCampaign('c1'))!, id: 'c-empty', weekEnd: '2020-01-01' });
    expect(
      await h.call('organizer', 'sampling.draw', { campaignId: 'c-empty', margin: 0.05 }, ORGANIZER),
    ).toMatchObject({ ok: false, error: { code: 'SAMPLE_EMPTY' } });
    expect(await h.call('organizer', 'sampling.draw', { margin: 0.5 }, ORGANIZER)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await h.call('organizer', 'sampling.draw', { margin: 0.05 }, OTHER_ORGANIZER)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await h.call('organizer', 'sampling.draw', { margin: 0.05 }, STAFF_U1)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('reports the sampled rate with response rate and interval, beside the voluntary ratings', async () => {
    const { sample } = await h.ok('organizer', 'sampling.draw', { margin: 0.2, seed: 5 }, ORGANIZER);
    const ownerOf = (reg: string) => {
      const i = regsA.indexOf(reg);
      return i >= 0 ? `openid-a-${i}` : `openid-c-${regsC.indexOf(reg)}`;
    };
    // Three of the eight sampled answer (5, 4, 2); one person not sampled rates voluntarily (5).
    const answered = sample.drawn.slice(0, 3);
    for (const [i, reg] of answered.entries()) {
      await h.ok('resident', 'rating.submit', { registrationId: reg, score: [5, 4, 2][i], comment: '' }, ownerOf(reg));
    }
    const outsider = [...regsA, ...regsC].find((r) => !sample.drawn.includes(r))!;
    await h.ok('resident', 'rating.submit', { registrationId: outsider, score: 5, comment: '' }, ownerOf(outsider));

    const view = await h.ok('organizer', 'sampling.view', {}, ORGANIZER);
    expect(view.voluntary).toMatchObject({ ratings: 4, good: 3, rate: 0.75 });
    const { result } = view.samples[0];
    expect(result).toMatchObject({ sampleSize: 8, responses: 3, responseRate: 3 / 8, satisfied: 2 });
    expect(result.rate).toBeCloseTo(2 / 3, 10);
    // Wilson 2/3 at 95 %: centre (0.6667 + 0.6403)/2.2805 = 0.5731, half 0.8595·√(0.07407 + 0.10671) = 0.3655.
    expect(result.interval!.low).toBeCloseTo(0.2077, 3);
    expect(result.interval!.high).toBeCloseTo(0.9385, 3);
  });

  it('fills the counted parts of each street’s sheet with the dashboard’s figures', async () => {
    await h.ok('organizer', 'sampling.draw', { margin: 0.2, seed: 5 }, ORGANIZER);
    const [{ sheets }, dashboard] = await Promise.all([
      h.ok('organizer', 'award.sheets', {}, ORGANIZER),
      h.ok('organizer', 'dashboard.get', {}, ORGANIZER),
    ]);
    expect(sheets.map((s) => s.org.id).sort()).toEqual(['s1', 's2']);
    for (const sheet of sheets) {
      const row = dashboard.byStreet.find((g) => g.key === sheet.org.id)!;
      expect(sheet.counted.figures).toEqual(row.figures);
    }
    const s1 = sheets.find((s) => s.org.id === 's1')!;
    const s2 = sheets.find((s) => s.org.id === 's2')!;
    // By hand: s1 held a (6 attended, lecture, elderly); s2 held c (4, reading, youth + families).
    expect(s1.counted).toMatchObject({ unitsTakingPart: 1, categories: 1, audiences: 1 });
    expect(s1.counted.figures).toMatchObject({ eventsHeld: 1, attendance: 6 });
    expect(s2.counted).toMatchObject({ unitsTakingPart: 1, categories: 1, audiences: 2 });
    expect(s2.counted.figures).toMatchObject({ eventsHeld: 1, attendance: 4 });
    // The sample is split by street: 5 drawn at a, 3 at c; nobody has answered yet.
    expect(s1.counted.sampled).toMatchObject({ sampleSize: 5, responses: 0, rate: null });
    expect(s2.counted.sampled).toMatchObject({ sampleSize: 3, responses: 0 });
    expect(s1.counted.meetsSatisfaction).toBe(false);
  });

  it('lets the level above score and decide, refuses others and stale versions, and exports the list', async () => {
    const scored = await h.ok(
      'organizer',
      'award.score',
      { orgId: 's1', criterion: 'leadership', score: 18, comment: '方案、预算齐全', version: 0 },
      ORGANIZER,
    );
    expect(scored.sheet).toMatchObject({
      version: 1,
      scores: { leadership: { score: 18, comment: '方案、预算齐全' } },
    });
    expect(
      await h.call(
        'organizer',
        'award.score',
        { orgId: 's1', criterion: 'publicity', score: 10, comment: '', version: 0 },
        ORGANIZER,
      ),
    ).toMatchObject({ ok: false, error: { code: 'STORE_CONFLICT' } });
    for (const who of [OTHER_ORGANIZER, STAFF_U1]) {
      expect(
        await h.call('organizer', 'award.decide', { orgId: 's1', decision: 'excellent', version: 1 }, who),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // A unit is not an org of the level below the district.
    expect(
      await h.call('organizer', 'award.decide', { orgId: 'u1', decision: 'excellent', version: 0 }, ORGANIZER),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Evidence and 宣传报道 links are kept on the sheet, from the version it read.
    const withLinks = await h.ok(
      'organizer',
      'award.evidence',
      {
        orgId: 's1',
        evidence: [{ title: '活动方案', url: 'https://example.org/plan.pdf' }],
        publicity: [{ title: '金坛日报报道', url: 'https://example.org/news' }],
        version: 1,
      },
      ORGANIZER,
    );
    expect(withLinks.sheet).toMatchObject({ version: 2, scores: { leadership: { score: 18 } } });
    expect(withLinks.sheet.publicity).toEqual([{ title: '金坛日报报道', url: 'https://example.org/news' }]);
    await h.ok('organizer', 'award.decide', { orgId: 's1', decision: 'excellent', version: 2 }, ORGANIZER);
    await h.ok('organizer', 'award.decide', { orgId: 's2', decision: 'organisation', version: 0 }, ORGANIZER);

    const { file } = await h.ok('exports', 'award.export', {}, ORGANIZER);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(writtenFiles(h)[file.fileName]) as never);
    const ws = wb.worksheets[0];
    const rows = [3, 4].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    const byName = Object.fromEntries(rows.map((r) => [r[1], r]));
    // Empty cells read back as undefined.
    expect(byName['尧塘街道']).toEqual([
      expect.any(Number),
      '尧塘街道',
      1,
      1,
      6,
      1,
      1,
      undefined,
      undefined,
      '未抽样',
      18,
      undefined,
      '方案、预算齐全',
      '优秀组织奖',
    ]);
    expect(byName['金城镇'][13]).toBe('组织奖');
  });
});
