/**
 * Rules of the door: who may work it, what each scan outcome says, and how attendance is
 * counted from raw check-ins.
 */
import type { ActivityEvent, Checkin, ScanOutcome } from '../../types/domain';
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
};

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
