/**
 * Online participation counted, not only typed: a resident taps 进入线上活动 in the app; the
 * link opens, and a tap within the activity's time is that person's online attendance for the
 * day (once per person, activity and day, however often tapped).
 */
import { fail } from '../core/errors';
import { isPublic } from '../core/events';
import { dayOf } from '../core/time';
import type { Caller, Deps } from './context';
import { holderKey } from './identity';
import { requireOpenid } from './caller';
import { countOnlineJoin } from './summary';

export interface OnlineJoin {
  url: string;
  /** True when this tap counted as today's online attendance (false: counted before, or outside the time). */
  counted: boolean;
  /** Why it did not count, in words; null when it did. */
  note: string | null;
}

/** Online participation counts from the start to the end of the activity. */
export function joinCounts(event: { startAt: number; endAt: number }, now: number): boolean {
  return event.startAt <= now && now <= event.endAt;
}

export async function joinOnline(deps: Deps, caller: Caller, eventId: string): Promise<OnlineJoin> {
  const openid = requireOpenid(caller);
  const event = await deps.store.getEvent(eventId);
  if (!event || !isPublic(event)) fail('EVENT_NOT_FOUND');
  if (event.status === 'cancelled') fail('EVENT_STATE_CONFLICT', '活动已取消');
  if (event.mode === 'offline' || !event.onlineUrl) fail('EVENT_STATE_CONFLICT', '该活动没有线上参与方式');
  const now = deps.clock.now();
  if (!joinCounts(event, now)) {
    return {
      url: event.onlineUrl,
      counted: false,
      note: now < event.startAt ? '活动尚未开始，开始后进入才计入参与' : '活动已结束',
    };
  }
  const counted = await deps.store.atomic(() =>
    countOnlineJoin(deps, {
      campaignId: event.campaignId,
      eventId: event.id,
      day: dayOf(now),
      personKey: holderKey(openid),
    }),
  );
  return { url: event.onlineUrl, counted, note: counted ? null : '今天已计入线上参与' };
}
