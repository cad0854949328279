/**
 * Roll-ups up the tree: a city's and a province's live figures equal a recount from the raw
 * check-ins of every campaign below them, and a person who came in two districts (or two
 * cities) is one person above them, not two.
 */
import { at } from '../../backend/core/time';
import { openHarness, type Harness } from '../support/harness';
import { readRaw } from '../support/recount';
import { attend, attendAcrossTheChain, buildChain, CAMPAIGNS, ORGANIZERS } from './chain-world';

/** People and 人次 recounted from raw check-ins of the given campaigns, without the core. */
async function recount(h: Harness, campaignIds: string[]) {
  const people = new Set<string>();
  let attendance = 0;
  for (const id of campaignIds) {
    const raw = await readRaw(h.store, id);
    for (const c of raw.checkins.filter((x) => x.status === 'active')) {
      attendance += c.party;
      people.add(c.registrationId ? c.registrationId.split('_').slice(1).join('_') : `walkin ${c.id}`);
    }
  }
  return { attendance, distinctPeople: people.size };
}

describe('roll-up up the organisation tree', () => {
  let h: Harness;
  beforeEach(async () => {
    h = openHarness(at('2026-11-15', '08:50'));
    await buildChain(h);
    // 王 comes in 金坛 and 溧阳 (both 常州) and in 锡山 (无锡); 李 only in 金坛; a walk-in in 溧阳; 赵 only in 锡山.
    await attendAcrossTheChain(h);
    await attend(h, 'xishan', 'res-zhao');
  });
  afterEach(() => h.close());

  it('gives a city its districts with people counted once across them', async () => {
    const view = await h.ok('organizer', 'rollup.get', { campaignId: CAMPAIGNS.changzhou }, ORGANIZERS.changzhou);
    // By hand: 金坛 王+李 (2 人次, 2 人); 溧阳 王 + one walk-in (2, 2); 常州 4 人次, 王 once: 3 人.
    expect(view.figures.attendance).toBe(4);
    expect(view.figures.distinctPeople).toBe(3);
    expect(view.figures.walkIns).toBe(1);
    expect(view.below.map((b) => [b.orgName, b.figures.attendance, b.figures.distinctPeople])).toEqual([
      ['金坛区', 2, 2],
      ['溧阳市', 2, 2],
    ]);
    expect(view.figures).toMatchObject(await recount(h, [CAMPAIGNS.jintan, CAMPAIGNS.liyang]));
  });

  it('gives a province its cities, and drills down to a district', async () => {
    const view = await h.ok('organizer', 'rollup.get', { campaignId: CAMPAIGNS.js }, ORGANIZERS.js);
    // 6 人次; 王 (three districts, two cities), 李, 赵 and the walk-in: 4 人.
    expect(view.figures.attendance).toBe(6);
    expect(view.figures.distinctPeople).toBe(4);
    expect(view.below.map((b) => [b.orgId, b.figures.attendance, b.figures.distinctPeople])).toEqual([
      ['changzhou', 4, 3],
      ['wuxi', 2, 2],
    ]);
    expect(view.figures).toMatchObject(
      await recount(h, [CAMPAIGNS.jintan, CAMPAIGNS.liyang, CAMPAIGNS.xishan, CAMPAIGNS.changzhou, CAMPAIGNS.wuxi]),
    );
    const sum = view.below.reduce((n, b) => n + b.figures.distinctPeople, 0);
    expect(sum).toBe(5);
    expect(view.figures.distinctPeople).toBeLessThan(sum);
    const district = await h.ok('organizer', 'rollup.get', { campaignId: CAMPAIGNS.xishan }, ORGANIZERS.js);
    expect(district.figures).toMatchObject({ attendance: 2, distinctPeople: 2 });
  });

  it('gives a province, from its cities’ approved counted forms, the same figures as a recount', async () => {
    const items = [{ kind: 'form', key: 'f', label: '活动周总结表', required: true, form: 'rollup', mode: 'actual' }];
    const { task } = await h.ok(
      'organizer',
      'report.create',
      { title: '全省汇总', deadline: '2026-11-30', targetKind: 'city', items, campaignId: CAMPAIGNS.js },
      ORGANIZERS.js,
    );
    for (const city of ['changzhou', 'wuxi'] as const) {
      const answers = { f: { kind: 'form' } };
      await h.ok('organizer', 'report.submit', { taskId: task.id, orgId: city, answers }, ORGANIZERS[city]);
    }
    // Submitted, not approved: nothing counts for the province yet.
    let view = await h.ok('organizer', 'report.track', { taskId: task.id }, ORGANIZERS.js);
    expect(view.approved).toEqual({ orgs: 0, attendance: 0, distinctPeople: 0, eventsHeld: 0 });
    for (const city of ['changzhou', 'wuxi']) {
      await h.ok('organizer', 'report.decide', { taskId: task.id, orgId: city, action: 'approve' }, ORGANIZERS.js);
    }
    view = await h.ok('organizer', 'report.track', { taskId: task.id }, ORGANIZERS.js);
    // By hand: 常州 4 人次 / 3 人, 无锡 2 / 2; the province 6 人次, 王 once: 4 人 (not 5).
    expect(view.rows.map((r) => [r.orgId, r.figures?.attendance, r.figures?.distinctPeople])).toEqual([
      ['changzhou', 4, 3],
      ['wuxi', 2, 2],
    ]);
    expect(view.approved).toMatchObject({ orgs: 2, attendance: 6, distinctPeople: 4 });
    const all = [CAMPAIGNS.jintan, CAMPAIGNS.liyang, CAMPAIGNS.xishan, CAMPAIGNS.changzhou, CAMPAIGNS.wuxi];
    expect({ attendance: view.approved.attendance, distinctPeople: view.approved.distinctPeople }).toEqual(
      await recount(h, all),
    );
  });

  it('shows a subtree only to organizers at or above it', async () => {
    const sideways = await h.call('organizer', 'rollup.get', { campaignId: CAMPAIGNS.changzhou }, ORGANIZERS.wuxi);
    expect(sideways.ok ? 'allowed' : sideways.error.code).toBe('FORBIDDEN');
    const below = await h.call('organizer', 'rollup.get', { campaignId: CAMPAIGNS.changzhou }, ORGANIZERS.jintan);
    expect(below.ok ? 'allowed' : below.error.code).toBe('FORBIDDEN');
    const own = await h.ok('organizer', 'rollup.get', { campaignId: CAMPAIGNS.jintan }, ORGANIZERS.jintan);
    expect(own.figures.attendance).toBe(2);
    // Without a campaign named: the caller's own org's campaign.
    const mine = await h.ok('organizer', 'rollup.get', {}, ORGANIZERS.changzhou);
    expect([mine.campaign.id, mine.figures.attendance]).toEqual([CAMPAIGNS.changzhou, 4]);
  });
});
