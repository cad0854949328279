/**
 * Keeps a campaign's summary counters in step with its records: called inside the same
 * unit of work as each check-in, undo, online join, sign-up or cancellation.
 */
import type { Campaign, Checkin } from '../../types/domain';
import {
  arrivalDeltas,
  attendanceKey,
  distinctDelta,
  distinctKey,
  onlineMarker,
  scopesOf,
  VERSION_KEY,
  visitMarker,
} from '../core/counting';
import { fail } from '../core/errors';
import type { Deps } from './context';
import type { Undo } from './compensate';

/** A check-in became active (+1) or was undone (-1): 人次 of its day, distinct people, hourly arrivals. */
export async function countArrival(
  deps: Deps,
  checkin: Checkin,
  sign: 1 | -1,
  undo?: Undo,
  known?: Campaign | null,
): Promise<void> {
  const campaign = known ?? (await deps.store.getCampaign(checkin.campaignId));
  if (!campaign) fail('CAMPAIGN_NOT_FOUND');
  const deltas: Record<string, number> = { ...arrivalDeltas(checkin, sign), [VERSION_KEY]: 1 };
  // The markers of the scopes are independent: sent together, one round trip on CloudBase.
  const scopes = scopesOf(checkin, campaign);
  const settled = await Promise.allSettled(
    scopes.map((scope) => deps.store.addVisit(checkin.campaignId, visitMarker(scope, checkin.personKey), sign)),
  );
  settled.forEach((result, i) => {
    if (result.status !== 'fulfilled') return;
    const marker = visitMarker(scopes[i], checkin.personKey);
    undo?.(() => deps.store.addVisit(checkin.campaignId, marker, sign === 1 ? -1 : 1));
    const change = distinctDelta(checkin.party, result.value, sign);
    if (change) deltas[distinctKey(scopes[i])] = change;
  });
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  await bump(deps, checkin.campaignId, deltas, undo);
}

/** Adds counters, and on failure of the surrounding work takes them back (the version still moves). */
async function bump(deps: Deps, campaignId: string, deltas: Record<string, number>, undo?: Undo): Promise<void> {
  await deps.store.bumpCounters(campaignId, deltas);
  undo?.(() =>
    deps.store.bumpCounters(
      campaignId,
      Object.fromEntries(Object.entries(deltas).map(([key, n]) => [key, key === VERSION_KEY ? 1 : -n])),
    ),
  );
}

/**
 * A person joined an online activity on a day: counted once per person, event and day.
 * Returns whether this join was the first (and so counted).
 */
export async function countOnlineJoin(
  deps: Deps,
  join: { campaignId: string; eventId: string; day: string; personKey: string },
  undo?: Undo,
): Promise<boolean> {
  const marker = onlineMarker(join.eventId, join.day, join.personKey);
  const after = await deps.store.addVisit(join.campaignId, marker, 1);
  if (after !== 1) {
    await deps.store.addVisit(join.campaignId, marker, -1);
    return false;
  }
  undo?.(() => deps.store.addVisit(join.campaignId, marker, -1));
  await bump(deps, join.campaignId, { [attendanceKey(join.eventId, join.day, 'online')]: 1, [VERSION_KEY]: 1 }, undo);
  return true;
}

/** Something a dashboard shows changed (a sign-up, a cancellation, an entered figure). */
export async function touch(deps: Deps, campaignId: string): Promise<void> {
  await deps.store.bumpCounters(campaignId, { [VERSION_KEY]: 1 });
}
