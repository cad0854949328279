/**
 * What staff read at the door: their events of a day, an event's roster with walk-ins, the
 * search by name, phone tail or short code, and the supervisor's scan log.
 */
import type { AuditEntry, RosterEntry, StaffEventView, WalkInEntry } from '../../types/api';
import type { ActivityEvent, Checkin, Registration } from '../../types/domain';
import { mayWorkDoor } from '../core/checkin';
import { matchShortCode } from '../core/checkin-code';
import { fail } from '../core/errors';
import { isPublic } from '../core/events';
import { maskName } from '../core/registration';
import { dayOf } from '../core/time';
import { walkInEntries } from '../core/walkin-roster';
import type { Caller, Deps } from './context';
import { doorEvent, signerOf } from './door';
import { orgIndex, toEventView } from './views';
function toStaffView(event: ActivityEvent, names: ReturnType<typeof orgIndex>, now: number): StaffEventView {
  return {
    ...toEventView(event, names, now),
    checkedIn: event.checkedIn,
    walkIns: event.walkIns,
    confirmedPeople: event.seatsTaken,
  };
}

/** Events of the units the caller works for (the whole district for organizers), of one day or all. */
export async function staffEvents(deps: Deps, caller: Caller, day?: string): Promise<StaffEventView[]> {
  const campaign = await deps.store.latestCampaign();
  if (!campaign) fail('CAMPAIGN_NOT_FOUND');
  const [events, orgs] = await Promise.all([
    deps.store.listEvents(campaign.id, day),
    deps.store.listOrgs(campaign.districtId),
  ]);
  const names = orgIndex(orgs);
  const now = deps.clock.now();
  return events.filter((e) => isPublic(e) && mayWorkDoor(caller, e)).map((e) => toStaffView(e, names, now));
}

function rosterEntry(reg: Registration, checkin: Checkin | undefined): RosterEntry {
  return {
    registrationId: reg.id,
    name: maskName(reg.name),
    phoneTail: reg.phone.slice(-4),
    companions: reg.companions,
    party: reg.party,
    status: reg.status as RosterEntry['status'],
    source: reg.source,
    checkedInAt: checkin?.status === 'active' ? checkin.checkedInAt : null,
  };
}

export async function roster(
  deps: Deps,
  caller: Caller,
  eventId: string,
): Promise<{ event: StaffEventView; entries: RosterEntry[]; walkIns: WalkInEntry[] }> {
  const event = await doorEvent(deps, caller, eventId);
  const [regs, checkins, orgs] = await Promise.all([
    deps.store.listRegistrationsOfEvent(eventId),
    deps.store.listCheckinsOfEvent(eventId),
    deps.store.listOrgs(event.districtId),
  ]);
  const byReg = new Map(checkins.map((c) => [c.id, c]));
  const order: Record<string, number> = { confirmed: 0, waitlisted: 1, cancelled: 2 };
  const entries = regs
    .filter((r) => r.status !== 'pending')
    .map((r) => rosterEntry(r, byReg.get(r.id)))
    .sort((a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name, 'zh'));
  return { event: toStaffView(event, orgIndex(orgs), deps.clock.now()), entries, walkIns: walkInEntries(checkins) };
}

/**
 * By part of the name, the last four digits of the phone, or the six-digit short code of the
 * current window (or the last few: it is read out and typed).
 */
export async function findAttendee(deps: Deps, caller: Caller, eventId: string, query: string): Promise<RosterEntry[]> {
  await doorEvent(deps, caller, eventId);
  const q = query.trim();
  const [regs, checkins] = await Promise.all([
    deps.store.listRegistrationsOfEvent(eventId),
    deps.store.listCheckinsOfEvent(eventId),
  ]);
  const byReg = new Map(checkins.map((c) => [c.id, c]));
  const listed = regs.filter((r) => r.status !== 'pending');
  const matched = /^\d{6}$/.test(q)
    ? matchShortCode(q, listed, eventId, deps.clock.now(), signerOf(deps).sign)
    : listed.filter((r) => (/^\d{4}$/.test(q) ? r.phone.endsWith(q) : q.length > 0 && r.name.includes(q)));
  return matched.slice(0, 20).map((r) => rosterEntry(r, byReg.get(r.id)));
}

export async function auditLog(
  deps: Deps,
  caller: Caller,
  eventId: string,
  offset: number,
  limit: number,
): Promise<{ entries: AuditEntry[]; total: number }> {
  await doorEvent(deps, caller, eventId, true);
  const { entries, total } = await deps.store.listScanLog(eventId, offset, limit);
  return {
    total,
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      outcome: e.outcome,
      reason: e.reason,
      registrationId: e.registrationId,
      deviceId: e.deviceId,
      staffId: e.staffId,
      scannedAt: e.scannedAt,
      recordedAt: e.recordedAt,
      offline: e.offline,
      conflict: e.conflict,
    })),
  };
}

/** Today in Asia/Shanghai, for the staff's default list. */
export function todayOf(deps: Deps): string {
  return dayOf(deps.clock.now());
}
