/**
 * Rules of the door: who may work it, what each scan outcome says, and how attendance is
 * counted from raw check-ins.
 */
import type { ActivityEvent, Campaign, Checkin, ScanOutcome } from '../../types/domain';
import type { Role } from '../../types/domain';

/** The wording of each result card at the door. */
export const SCAN_MESSAGES: Record<ScanOutcome, string> = {
  checked_in: '签到成功',
  already_checked_in: '已签到',
  wrong_event: '非本场活动',
  expired: '二维码已过期',
  invalid: '无效二维码',
  not_registered: '未报名',
  waitlisted: '候补未转正',
  cancelled: '已取消',
  too_early: '未到签到时间',
  ended: '活动已结束',
  event_cancelled: '活动已取消',
};

/** Default check-in window: opens this long before the start, closes this long after the end. */
export const DOOR_OPENS_BEFORE_MIN = 60;
export const DOOR_CLOSES_AFTER_MIN = 30;

/** When the door of an activity accepts check-ins: its own setting, else the week's, else the default. */
export function doorWindow(
  event: Pick<ActivityEvent, 'startAt' | 'endAt' | 'door'>,
  campaign: Pick<Campaign, 'door'> | null,
): { opensAt: number; closesAt: number } {
  const before = event.door?.opensBeforeMin ?? campaign?.door?.opensBeforeMin ?? DOOR_OPENS_BEFORE_MIN;
  const after = event.door?.closesAfterMin ?? campaign?.door?.closesAfterMin ?? DOOR_CLOSES_AFTER_MIN;
  return { opensAt: event.startAt - before * 60_000, closesAt: event.endAt + after * 60_000 };
}

export type DoorVerdict = 'open' | 'too_early' | 'ended' | 'event_cancelled';

/** Whether the door of an activity admits someone at `at`. A cancelled activity admits no one. */
export function doorVerdict(
  event: Pick<ActivityEvent, 'startAt' | 'endAt' | 'door' | 'status'>,
  campaign: Pick<Campaign, 'door'> | null,
  at: number,
): DoorVerdict {
  if (event.status === 'cancelled') return 'event_cancelled';
  const { opensAt, closesAt } = doorWindow(event, campaign);
  if (at < opensAt) return 'too_early';
  if (at > closesAt) return 'ended';
  return 'open';
}

/** A supervisor may admit outside the window (never at a cancelled activity), giving a reason. */
export function mayOverrideDoor(
  verdict: DoorVerdict,
  worker: DoorWorker,
  event: Pick<ActivityEvent, 'unitId' | 'districtId'>,
): boolean {
  return (verdict === 'too_early' || verdict === 'ended') && maySupervise(worker, event);
}

/** Entered (填报) figures are for online/hybrid activities and activities without door check-in. */
export function mayEnterFigure(event: Pick<ActivityEvent, 'mode' | 'noDoorCheckin'>): boolean {
  return event.mode !== 'offline' || event.noDoorCheckin === true;
}

/** A resident may cancel only before the start and before being checked in; staff may, with a reason. */
export function residentMayCancel(event: Pick<ActivityEvent, 'startAt'>, checkedIn: boolean, now: number): boolean {
  return !checkedIn && now < event.startAt;
}

export interface DoorWorker {
  role: Role;
  districtId: string | null;
  unitIds: readonly string[];
}

/** Staff and supervisors work the doors of their own units; organizers of their district; admins anywhere. */
export function mayWorkDoor(worker: DoorWorker, event: Pick<ActivityEvent, 'unitId' | 'districtId'>): boolean {
  switch (worker.role) {
    case 'admin':
      return true;
    case 'organizer':
      return worker.districtId === event.districtId;
    case 'staff':
    case 'supervisor':
      return worker.districtId === event.districtId && worker.unitIds.includes(event.unitId);
    default:
      return false;
  }
}

/** Undoing a check-in and reading the audit log need more than door duty. */
export function maySupervise(worker: DoorWorker, event: Pick<ActivityEvent, 'unitId' | 'districtId'>): boolean {
  return worker.role !== 'staff' && mayWorkDoor(worker, event);
}

/** What the attendance counters of an event must be, recounted from its raw check-ins. */
export function recountAttendance(checkins: readonly Pick<Checkin, 'status' | 'party' | 'registrationId'>[]): {
  checkedIn: number;
  walkIns: number;
} {
  let checkedIn = 0;
  let walkIns = 0;
  for (const c of checkins) {
    if (c.status !== 'active') continue;
    if (c.registrationId === null) walkIns += c.party;
    else checkedIn += c.party;
  }
  return { checkedIn, walkIns };
}

/** A scan time from an offline device is believed only within these bounds of the server's clock. */
export const OFFLINE_MAX_AGE_MS = 7 * 24 * 60 * 60_000;
export const OFFLINE_MAX_AHEAD_MS = 5 * 60_000;

export function plausibleScanTime(scannedAt: number, now: number): boolean {
  return scannedAt <= now + OFFLINE_MAX_AHEAD_MS && scannedAt >= now - OFFLINE_MAX_AGE_MS;
}
