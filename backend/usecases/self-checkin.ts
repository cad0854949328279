/**
 * Self check-in (自助签到) where nobody works the door (open days, exhibitions): the unit shows a
 * rotating venue code on a screen or prints a fixed one (core/venue-code.ts); a resident scans
 * it with WeChat (on the web: opens its link) and is checked in on her own sign-up.
 *
 * Rules (docs/architecture.md, 自助签到):
 * - only a confirmed sign-up of the caller for that event is admitted; a visitor without one is
 *   told 未报名 (no self-registered walk-ins: with nobody at the door a walk-in cannot be counted
 *   honestly, and the printed code could be passed around);
 * - only inside the activity's door window (core/checkin.ts doorVerdict), for both forms; no
 *   override (that needs a supervisor at the door);
 * - admission is the door's own (usecases/door-admit.ts `admitRegistration`): one check-in per sign-up, the
 *   same counters and distinct-person markers (core/counting.ts), method `self` (自助签到 in the
 *   roster, the exports and the door's audit log); every attempt is written to the scan log.
 */
import type { ScanOutcome } from '../../types/domain';
import type { SelfCheckinResult, VenueCodes } from '../../types/api';
import { doorWindow, SCAN_MESSAGES } from '../core/checkin';
import { fail } from '../core/errors';
import { registrationId } from '../core/registration';
import { windowOf } from '../core/checkin-code';
import { judgeVenueCode, signVenueCode, VENUE_CODES_AHEAD, VENUE_WINDOW_MS } from '../core/venue-code';
import { admitRegistration } from './door-admit';
import type { DoorAction } from './door';
import type { Caller, Deps } from './context';
import { holderKey } from './identity';
import { randomHex } from './ids';
import { audit } from './audit';
import { eventOfUnit } from './registrants';
import { requireOpenid } from './caller';

function signerOf(deps: Deps) {
  if (!deps.signer) fail('CHECKIN_KEY_MISSING');
  return deps.signer;
}

/** The page a venue code opens (the link of the QR code, after the app's address). */
export const SELF_CHECKIN_PAGE = 'pages/self-checkin/index';

/**
 * Venue codes of an event for whoever works its door: the rotating codes of the next ten minutes
 * (the screen shows each in its window), or the printed code (audited: it works until the door
 * window of the activity closes, for anyone who holds it and a sign-up).
 */
export async function venueCodes(
  deps: Deps,
  caller: Caller,
  input: { eventId: string; printed?: boolean },
): Promise<VenueCodes> {
  const event = await eventOfUnit(deps, caller, input.eventId);
  if (event.status !== 'approved') fail('EVENT_STATE_CONFLICT', '活动尚未发布或已取消，不能生成签到码');
  const { sign } = signerOf(deps);
  const campaign = await deps.store.getCampaign(event.campaignId);
  const { opensAt, closesAt } = doorWindow(event, campaign);
  const now = deps.clock.now();
  const base = { eventId: event.id, title: event.title, opensAt, closesAt, windowMs: VENUE_WINDOW_MS, serverTime: now };
  if (input.printed) {
    await audit(
      deps,
      caller,
      event.districtId,
      'venue.printed',
      event.title,
      '生成固定自助签到码（仅在签到时段内有效）',
    );
    return { ...base, printed: signVenueCode({ eventId: event.id, window: null }, sign), codes: [] };
  }
  const first = windowOf(now);
  const codes = [];
  for (let w = first; w < first + VENUE_CODES_AHEAD; w++) {
    codes.push({
      code: signVenueCode({ eventId: event.id, window: w }, sign),
      validFrom: w * VENUE_WINDOW_MS,
      validTo: (w + 1) * VENUE_WINDOW_MS,
    });
  }
  return { ...base, printed: null, codes };
}

const REASONS: Partial<Record<ScanOutcome, string>> = {
  invalid: '自助签到码无效',
  expired: '自助签到码已过期（屏幕上的码每 30 秒更新）',
  not_registered: '没有本人的报名',
  too_early: '未到签到时间',
  ended: '活动已结束（超过签到截止时间）',
  event_cancelled: '活动已取消',
};

/** A resident checks herself in with a venue code. Refusals are outcomes, not errors. */
export async function selfCheckin(deps: Deps, caller: Caller, code: string): Promise<SelfCheckinResult> {
  const openid = requireOpenid(caller);
  const now = deps.clock.now();
  const verdict = judgeVenueCode(code, now, signerOf(deps).verifier);
  if (!verdict.ok) return answer(verdict.outcome, null, null, 0);
  const event = await deps.store.getEvent(verdict.eventId);
  if (!event) return answer('invalid', null, null, 0);
  const shown = { id: event.id, title: event.title, venue: event.venue, startAt: event.startAt, endAt: event.endAt };
  const door: DoorAction = {
    eventId: event.id,
    deviceId: verdict.printed ? 'self-printed' : 'self-screen',
    scanId: `self-${now.toString(36)}-${randomHex(deps, 6)}`,
    scannedAt: now,
    offline: false,
  };
  // The door's own admission: the replay check, the sign-up (a missing or pending one is refused as
  // 未报名), the door window (no override: door.override is never set here), one check-in and the
  // scan-log entry, recorded as by the resident's hashed identity, never her openid.
  const self = { ...caller, openid: `self:${holderKey(openid)}` };
  const a = await admitRegistration(deps, self, event, door, registrationId(event.id, holderKey(openid)), 'self');
  const counted = a.outcome === 'checked_in' || a.outcome === 'already_checked_in';
  return answer(
    a.outcome,
    shown,
    a.outcome === 'checked_in' ? now : a.firstCheckedInAt,
    counted ? (a.attendee?.party ?? 0) : 0,
  );
}

function answer(
  outcome: ScanOutcome,
  event: SelfCheckinResult['event'],
  checkedInAt: number | null,
  party: number,
): SelfCheckinResult {
  const reason = REASONS[outcome];
  const message = outcome === 'not_registered' ? '未报名本活动，请先报名' : (reason ?? SCAN_MESSAGES[outcome]);
  return { outcome, message: outcome === 'too_early' ? SCAN_MESSAGES.too_early : message, event, checkedInAt, party };
}
