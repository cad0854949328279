/**
 * In-app notices for residents: an approved event changed its time or place, was cancelled,
 * or a waitlisted sign-up was confirmed.
 */
import type { Notice } from '../../types/domain';
import { fail } from '../core/errors';
import type { Caller, Deps } from './context';
import { randomHex } from './ids';
import { requireOpenid } from './caller';
import { eachLimited } from './each-limited';

/** How many notices are written at once (each insert is a round trip on CloudBase). */
export const NOTICES_AT_ONCE = 20;

/** In-app notices to each owner once; returns how many were written. */
export async function notify(
  deps: Deps,
  ownerIds: readonly (string | null)[],
  eventId: string,
  kind: Notice['kind'],
  text: string,
): Promise<number> {
  const owners = [...new Set(ownerIds)].filter((o): o is string => !!o);
  await eachLimited(owners, NOTICES_AT_ONCE, (ownerId) =>
    deps.store.insertNotice({
      id: `${eventId}-${kind}-${deps.clock.now().toString(36)}-${randomHex(deps, 4)}`,
      ownerId,
      eventId,
      kind,
      text,
      createdAt: deps.clock.now(),
      readAt: null,
    }),
  );
  return owners.length;
}

export async function myNotices(deps: Deps, caller: Caller): Promise<Notice[]> {
  return deps.store.listNotices(requireOpenid(caller), 50);
}

export async function readNotice(deps: Deps, caller: Caller, id: string): Promise<void> {
  const ok = await deps.store.markNoticeRead(id, requireOpenid(caller), deps.clock.now());
  if (!ok) {
    const mine = await deps.store.listNotices(requireOpenid(caller), 200);
    if (!mine.some((n) => n.id === id)) fail('VALIDATION_FAILED', '没有这条通知');
  }
}
