import { chooseCampaign, isCurrentCampaign, rankCampaigns } from '../../backend/core/resident-campaign';

const c = (id: string, weekStart: string, weekEnd: string, period?: [string, string]) => ({
  id,
  weekStart,
  weekEnd,
  ...(period ? { periodStart: period[0], periodEnd: period[1] } : {}),
});

const TODAY = '2026-11-16';
const thisWeek = c('this-week', '2026-11-14', '2026-11-20');
const farFuture = c('far', '2099-11-14', '2099-11-20');
const nextMonth = c('next-month', '2026-12-14', '2026-12-20');
const nextYear = c('next-year', '2027-11-14', '2027-11-20');
const lastYear = c('last-year', '2025-11-14', '2025-11-20');
const lastMonth = c('last-month', '2026-10-14', '2026-10-20');
const yearRound = c('year-round', '2026-06-01', '2026-06-07', ['2026-06-01', '2027-05-31']);

describe('the residents campaign', () => {
  it('puts a campaign containing today first, then the nearest upcoming, then the most recent past', () => {
    const ids = rankCampaigns([farFuture, lastYear, nextYear, thisWeek, lastMonth, nextMonth], TODAY).map((x) => x.id);
    expect(ids).toEqual(['this-week', 'next-month', 'next-year', 'far', 'last-month', 'last-year']);
  });

  it('counts a year-round period as current, after a campaign whose launch week is on', () => {
    expect(isCurrentCampaign(yearRound, TODAY)).toBe(true);
    expect(isCurrentCampaign(nextMonth, TODAY)).toBe(false);
    expect(rankCampaigns([yearRound, thisWeek], TODAY).map((x) => x.id)).toEqual(['this-week', 'year-round']);
    expect(rankCampaigns([yearRound, nextMonth, lastMonth], TODAY).map((x) => x.id)).toEqual([
      'year-round',
      'next-month',
      'last-month',
    ]);
  });

  it('a campaign far in the future does not hide this week', async () => {
    expect((await chooseCampaign([farFuture, thisWeek], TODAY, async () => true))?.id).toBe('this-week');
  });

  it('a campaign without events never hides one that has them', async () => {
    const withEvents = new Set(['last-month']);
    const chosen = await chooseCampaign([thisWeek, nextMonth, lastMonth], TODAY, async (x) => withEvents.has(x.id));
    expect(chosen?.id).toBe('last-month');
  });

  it('with no events anywhere, the best-ranked campaign still opens (its empty week)', async () => {
    expect((await chooseCampaign([lastYear, nextMonth], TODAY, async () => false))?.id).toBe('next-month');
    expect(await chooseCampaign([], TODAY, async () => true)).toBeNull();
  });
});
