/**
 * Keeps a campaign's summary counters in step with its records: called inside the same
 * unit of work as each check-in, undo, sign-up or cancellation.
 */
import type { Checkin } from '../../types/domain';
import { arrivalDeltas, distinctKey, scopesOf, VERSION_KEY, visitMarker } from '../core/dashboard';
import type { Deps } from './context';
import type { Undo } from './compensate';

/** A check-in became active (+1) or was undone (-1): distinct people, hourly arrivals, version. */
export async function countArrival(deps: Deps, checkin: Checkin, sign: 1 | -1, undo?: Undo): Promise<void> {
  const deltas: Record<string, number> = { ...arrivalDeltas(checkin, sign), [VERSION_KEY]: 1 };
  for (const scope of scopesOf(checkin)) {
    const marker = visitMarker(scope, checkin.personKey);
    const after = await deps.store.addVisit(checkin.campaignId, marker, sign);
    undo?.(() => deps.store.addVisit(checkin.campaignId, marker, sign === 1 ? -1 : 1));
    if (sign === 1 && after === 1) deltas[distinctKey(scope)] = 1;
    if (sign === -1 && after === 0) deltas[distinctKey(scope)] = -1;
  }
  await deps.store.bumpCounters(checkin.campaignId, deltas);
  undo?.(() =>
    deps.store.bumpCounters(
      checkin.campaignId,
      Object.fromEntries(Object.entries(deltas).map(([key, n]) => [key, key === VERSION_KEY ? 1 : -n])),
    ),
  );
}

/** Something a dashboard shows changed (a sign-up, a cancellation, an entered figure). */
export async function touch(deps: Deps, campaignId: string): Promise<void> {
  await deps.store.bumpCounters(campaignId, { [VERSION_KEY]: 1 });
}
