/**
 * Which campaign residents land on, and which others they may switch to. Pure: the caller
 * says which campaigns have public events.
 *
 * Order: a campaign whose period (else its week) contains today comes first, the one whose
 * launch week contains today before the others, then the one ending last; else the nearest
 * upcoming (earliest start); else the most recent past (latest end). A campaign without any
 * public event never hides one that has them. A campaign dated far ahead therefore cannot
 * become "the latest" and hide this week's events.
 */
import type { Campaign, Day } from '../../types/domain';

type Dated = Pick<Campaign, 'id' | 'weekStart' | 'weekEnd' | 'periodStart' | 'periodEnd'>;

function spanOf(c: Dated): { start: Day; end: Day } {
  return { start: c.periodStart ?? c.weekStart, end: c.periodEnd ?? c.weekEnd };
}

/** 0 current, 1 upcoming, 2 past. */
function phase(c: Dated, today: Day): 0 | 1 | 2 {
  const { start, end } = spanOf(c);
  if (start <= today && today <= end) return 0;
  return today < start ? 1 : 2;
}

export function isCurrentCampaign(c: Dated, today: Day): boolean {
  return phase(c, today) === 0;
}

function compare(a: Dated, b: Dated, today: Day): number {
  const pa = phase(a, today);
  const pb = phase(b, today);
  if (pa !== pb) return pa - pb;
  if (pa === 0) {
    const wa = a.weekStart <= today && today <= a.weekEnd ? 0 : 1;
    const wb = b.weekStart <= today && today <= b.weekEnd ? 0 : 1;
    if (wa !== wb) return wa - wb;
    return b.weekEnd.localeCompare(a.weekEnd) || a.id.localeCompare(b.id);
  }
  if (pa === 1) return spanOf(a).start.localeCompare(spanOf(b).start) || a.id.localeCompare(b.id);
  return spanOf(b).end.localeCompare(spanOf(a).end) || a.id.localeCompare(b.id);
}

/** Campaigns in the order residents should meet them (see above), best first. */
export function rankCampaigns<C extends Dated>(campaigns: readonly C[], today: Day): C[] {
  return [...campaigns].sort((a, b) => compare(a, b, today));
}

/**
 * The residents' campaign: the first in rank order that has public events (asked lazily, in
 * order, so usually once), else the first in rank order.
 */
export async function chooseCampaign<C extends Dated>(
  campaigns: readonly C[],
  today: Day,
  hasEvents: (c: C) => Promise<boolean>,
): Promise<C | null> {
  const ranked = rankCampaigns(campaigns, today);
  for (const c of ranked) if (await hasEvents(c)) return c;
  return ranked[0] ?? null;
}
