/**
 * Which week residents see: the campaign containing today (else the nearest upcoming, else the
 * most recent past), never one dated far ahead, never an empty one hiding one with events; other
 * current campaigns are offered to switch to. The demo lands on 金坛's week.
 */
import { at } from '../../backend/core/time';
import { loadDemoWeek } from '../../server/demo/generate';
import { aCampaign, anEvent, anOrg } from '../support/builders';
import { openHarness, type Harness } from '../support/harness';

const TODAY = at('2026-11-16', '10:00');

describe('the residents campaign', () => {
  let h: Harness;
  beforeEach(async () => {
    h = openHarness(TODAY);
    await h.store.putOrg(anOrg({ id: 'u1' }));
  });
  afterEach(() => h.close());

  const weekOf = async (campaignId?: string) => h.ok('resident', 'week.get', campaignId ? { campaignId } : {}, 'oa');

  it('a valid campaign dated far in the future does not hide this week', async () => {
    await h.store.putCampaign(aCampaign({ id: 'now' }));
    await h.store.putEvent(anEvent({ id: 'e-now', campaignId: 'now' }));
    await h.store.putCampaign(aCampaign({ id: 'far', weekStart: '2099-11-14', weekEnd: '2099-11-20' }));
    await h.store.putEvent(anEvent({ id: 'e-far', campaignId: 'far', startAt: at('2099-11-15', '09:00') }));
    expect((await weekOf()).campaign.id).toBe('now');
    const list = await h.ok('resident', 'events.list', {}, 'oa');
    expect(list.events.map((e) => e.id)).toEqual(['e-now']);
  });

  it('a current campaign without events does not hide one that has them', async () => {
    await h.store.putCampaign(aCampaign({ id: 'empty', weekEnd: '2026-11-21' }));
    await h.store.putCampaign(aCampaign({ id: 'last-month', weekStart: '2026-10-14', weekEnd: '2026-10-20' }));
    await h.store.putEvent(anEvent({ id: 'e-old', campaignId: 'last-month', startAt: at('2026-10-15', '09:00') }));
    expect((await weekOf()).campaign.id).toBe('last-month');
  });

  it('offers the other current campaigns with events, which residents can open', async () => {
    await h.store.putCampaign(aCampaign({ id: 'jintan', name: '金坛区活动周' }));
    await h.store.putEvent(anEvent({ id: 'e-j', campaignId: 'jintan' }));
    await h.store.putCampaign(
      aCampaign({ id: 'wujin', districtId: 'd2', name: '武进区活动周', weekEnd: '2026-11-19' }),
    );
    await h.store.putEvent(anEvent({ id: 'e-w', campaignId: 'wujin', districtId: 'd2' }));
    await h.store.putCampaign(aCampaign({ id: 'city', name: '常州市活动周', weekEnd: '2026-11-21' })); // no events
    await h.store.putCampaign(aCampaign({ id: 'past', weekStart: '2026-10-14', weekEnd: '2026-10-20' }));
    await h.store.putEvent(anEvent({ id: 'e-p', campaignId: 'past', startAt: at('2026-10-15', '09:00') }));
    const week = await weekOf();
    expect(week.campaign.id).toBe('jintan');
    expect(week.others).toEqual([
      { id: 'wujin', name: '武进区活动周', weekStart: '2026-11-14', weekEnd: '2026-11-19' },
    ]);
    const other = await weekOf('wujin');
    expect(other.campaign.id).toBe('wujin');
    expect(other.others?.map((o) => o.id)).toEqual(['jintan']);
    const list = await h.ok('resident', 'events.list', { campaignId: 'wujin' }, 'oa');
    expect(list.events.map((e) => e.id)).toEqual(['e-w']);
  });
});

describe('the demo', () => {
  it.each([
    ['on the first day of the week', '2026-11-14', at('2026-11-14', '08:00')],
    ['a month before the week', '2026-11-14', at('2026-10-14', '08:00')],
    ['after the week, within the period', '2026-11-14', at('2026-12-20', '08:00')],
  ])('residents land on 金坛 %s', async (_label, weekStart, now) => {
    const h = openHarness(now);
    try {
      const demo = await loadDemoWeek(h.store, h.clock, { weekStart });
      const week = await h.ok('resident', 'week.get', {}, 'oa');
      expect(week.campaign.id).toBe(demo.campaignId);
      expect(week.campaign.name).toContain('金坛');
      expect(week.days[0]).toBe('2026-11-14');
    } finally {
      h.close();
    }
  });
});
