/**
 * Keeps a campaign's summary counters in step with its records: called inside the same
 * unit of work as each check-in, undo, sign-up or cancellation.
 */
import type { Checkin } from '../../types/domain';
import { arrivalDeltas, distinctKey, scopesOf, VERSION_KEY, visitMarker } from '../core/dashboard';
import type { Deps } from './context';

/** A check-in became active (+1) or was undone (-1): distinct people, hourly arrivals, version. */
export async function countArrival(deps: Deps, checkin: Checkin, sign: 1 | -1): Promise<void> {
  const deltas: Record<string, number> = { ...arrivalDeltas(checkin, sign), [VERSION_KEY]: 1 };
  for (const scope of scopesOf(checkin)) {
    const after = await deps.store.addVisit(checkin.campaignId, visitMarker(scope, checkin.personKey), sign);
    if (sign === 1 && after === 1) deltas[distinctKey(scope)] = 1;
    if (sign === -1 && after === 0) deltas[distinctKey(scope)] = -1;
  }
  await deps.store.bumpCounters(checkin.campaignId, deltas);
}

/** Something a dashboard shows changed (a sign-up, a cancellation, an entered figure). */
export async function touch(deps: Deps, campaignId: string): Promise<void> {
  await deps.store.bumpCounters(campaignId, { [VERSION_KEY]: 1 });
}
