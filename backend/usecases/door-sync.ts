/** A door device's offline queue, replayed in order once it is back online. */
import type { QueuedScan, ScanResult } from '../../types/api';
import type { Caller, Deps } from './context';
import { type DoorAction, doorEvent } from './door';
import { manualCheckin, scanCode, shortCodeCheckin } from './door-admit';
import { walkIn } from './walk-in';
/** Replays a device's offline queue, in order. Replaying the same batch changes nothing. */
export async function syncOffline(
  deps: Deps,
  caller: Caller,
  eventId: string,
  deviceId: string,
  scans: readonly QueuedScan[],
): Promise<ScanResult[]> {
  await doorEvent(deps, caller, eventId);
  const results: ScanResult[] = [];
  for (const scan of scans) {
    const door: DoorAction = { eventId, deviceId, scanId: scan.scanId, scannedAt: scan.scannedAt, offline: true };
    if (scan.kind === 'code') results.push(await scanCode(deps, caller, door, scan.code));
    else if (scan.kind === 'manual') results.push(await manualCheckin(deps, caller, door, scan.registrationId));
    else if (scan.kind === 'short') results.push(await shortCodeCheckin(deps, caller, door, scan.code));
    else results.push(await walkIn(deps, caller, door, scan));
  }
  return results;
}
