/**
 * The organizer's live headcounts, entered figures of online activities, and reconciliation.
 * A dashboard read costs the campaign's events plus one summary document: never a scan of
 * the raw check-ins.
 */
import type { DashboardEventRow, DashboardGroup, DashboardView, ReconcileReport } from '../../types/api';
import type { ActivityEvent, Campaign, Checkin, Rating } from '../../types/domain';
import { mayEnterFigure, mayWorkDoor, maySupervise, recountAttendance } from '../core/checkin';
import {
  breakdown,
  byAudience,
  byCategory,
  byStreet,
  byUnit,
  hourlyFrom,
  isHappening,
  type Breakdown,
  type DashboardScope,
} from '../core/dashboard';
import {
  AttendanceIndex,
  attendanceOfDay,
  daysOfSpan,
  distinctOf,
  figuresOf,
  isDoorMarker,
  recountSummary,
  VERSION_KEY,
} from '../core/counting';
import { fail } from '../core/errors';
import { RECONCILE_PAGE } from '../core/paging';
import { recountSeats } from '../core/seats';
import { dayOf, daysBetween } from '../core/time';
import { AUDIENCE_LABELS, CATEGORY_LABELS } from '../core/labels';
import type { Caller, Deps } from './context';
import { touch } from './summary';
import { orgIndex, type OrgIndex } from './views';

async function campaignOf(deps: Deps, campaignId?: string): Promise<Campaign> {
  const campaign = campaignId ? await deps.store.getCampaign(campaignId) : await deps.store.latestCampaign();
  if (!campaign) fail('CAMPAIGN_NOT_FOUND');
  return campaign;
}

/** The district for organizers and admins of it; the units a staff member works for. */
function scopeOf(caller: Caller, campaign: Campaign): DashboardScope {
  if (caller.role === 'admin') return { unitIds: null };
  if (caller.role === 'organizer' && caller.districtId === campaign.districtId) return { unitIds: null };
  if ((caller.role === 'staff' || caller.role === 'supervisor') && caller.districtId === campaign.districtId) {
    return { unitIds: caller.unitIds };
  }
  fail('FORBIDDEN', '没有查看该活动周统计的权限');
}

function labelled(groups: Breakdown[], label: (key: string) => string): DashboardGroup[] {
  return groups.map((g) => ({ key: g.key, label: label(g.key), figures: g.figures }));
}

function row(e: ActivityEvent, names: OrgIndex, index: AttendanceIndex, now: number): DashboardEventRow {
  const count = index.over(e, null);
  return {
    id: e.id,
    title: e.title,
    day: e.day,
    startAt: e.startAt,
    endAt: e.endAt,
    unitName: names.name(e.unitId),
    streetName: names.name(e.streetId),
    category: e.category,
    mode: e.mode,
    capacity: e.capacity,
    signups: e.seatsTaken,
    checkedIn: count.checkedIn,
    walkIns: count.walkIns,
    online: count.online,
    entered: e.entered?.participants ?? null,
    attendance: attendanceOfDay(count),
    happeningNow: isHappening(e, now),
  };
}

export async function dashboard(deps: Deps, caller: Caller, campaignId?: string): Promise<DashboardView> {
  const campaign = await campaignOf(deps, campaignId);
  const scope = scopeOf(caller, campaign);
  const [all, counters, orgs] = await Promise.all([
    deps.store.listEvents(campaign.id),
    deps.store.readCounters(campaign.id),
    deps.store.listOrgs(campaign.districtId),
  ]);
  const names = orgIndex(orgs);
  const events = all.filter(
    (e) => e.status === 'approved' && (scope.unitIds === null || scope.unitIds.includes(e.unitId)),
  );
  const index = new AttendanceIndex(counters, events);
  const now = deps.clock.now();
  const today = dayOf(now);
  const week = daysOfSpan({ kind: 'week' }, campaign);
  const unitDistinct = (unitId: string) => distinctOf(counters, [unitId], { kind: 'week' });
  const byDay = daysBetween(campaign.weekStart, campaign.weekEnd).map((day) => ({
    key: day,
    label: day,
    figures: figuresOf(events, index, new Set([day]), distinctOf(counters, scope.unitIds, { kind: 'day', day })),
  }));
  return {
    scope:
      scope.unitIds === null
        ? { kind: 'district', name: names.name(campaign.districtId) }
        : { kind: 'units', name: scope.unitIds.map((u) => names.name(u)).join('、') },
    campaign: { id: campaign.id, name: campaign.name, weekStart: campaign.weekStart, weekEnd: campaign.weekEnd },
    today,
    week: figuresOf(events, index, week, distinctOf(counters, scope.unitIds, { kind: 'week' })),
    period: figuresOf(events, index, null, distinctOf(counters, scope.unitIds, { kind: 'all' })),
    todayFigures: figuresOf(
      events,
      index,
      new Set([today]),
      distinctOf(counters, scope.unitIds, { kind: 'day', day: today }),
    ),
    byStreet: labelled(breakdown(events, byStreet, index, week), (k) => names.name(k)),
    byUnit: labelled(breakdown(events, byUnit, index, week, unitDistinct), (k) => names.name(k)),
    byDay,
    byCategory: labelled(
      breakdown(events, byCategory, index, week),
      (k) => CATEGORY_LABELS[k as keyof typeof CATEGORY_LABELS] ?? k,
    ),
    byAudience: labelled(
      breakdown(events, byAudience, index, week),
      (k) => AUDIENCE_LABELS[k as keyof typeof AUDIENCE_LABELS] ?? k,
    ),
    events: events.map((e) => row(e, names, index, now)),
    hourlyToday: hourlyFrom(counters, scope, today),
    version: counters[VERSION_KEY] ?? 0,
    generatedAt: now,
  };
}

/** Supervisors enter figures for their units' events; organizers for their district's. */
export async function enterParticipants(
  deps: Deps,
  caller: Caller,
  input: { eventId: string; participants: number | null; note: string },
): Promise<{ eventId: string; entered: number | null }> {
  const event = await deps.store.getEvent(input.eventId);
  if (!event) fail('EVENT_NOT_FOUND');
  if (!maySupervise(caller, event) && !(caller.role === 'staff' && mayWorkDoor(caller, event))) fail('FORBIDDEN');
  if (input.participants !== null && !mayEnterFigure(event)) {
    fail('EVENT_STATE_CONFLICT', '只有线上/线上线下结合的活动或不设现场签到的活动可以填报人数');
  }
  const entered =
    input.participants === null
      ? null
      : {
          participants: input.participants,
          note: input.note,
          enteredBy: caller.openid ?? '',
          enteredAt: deps.clock.now(),
        };
  await deps.store.atomic(async () => {
    if (!(await deps.store.updateEventFields(event.id, { entered, updatedAt: deps.clock.now() }))) {
      fail('EVENT_NOT_FOUND');
    }
    await touch(deps, event.campaignId);
  });
  return { eventId: event.id, entered: entered?.participants ?? null };
}

/** Reads in flight at once when the campaign's raw records are gathered. */
const READ_CONCURRENCY = 16;

type Repairs = ReconcileReport['repairs'];

/** Recounts one event's seats and attendance from its raw records and repairs its counters. */
async function reconcileEvent(deps: Deps, eventId: string, repairs: Repairs): Promise<void> {
  const { store } = deps;
  await store.atomic(async () => {
    const [regs, checkins, current] = await Promise.all([
      store.listRegistrationsOfEvent(eventId),
      store.listCheckinsOfEvent(eventId),
      store.getEvent(eventId),
    ]);
    if (!current) return;
    const seats = recountSeats(current.capacity, regs);
    const attendance = recountAttendance(checkins);
    const fix = async (field: string, was: number, now: number, apply: (delta: number) => Promise<void>) => {
      if (was === now) return;
      repairs.push({ target: eventId, field, was, now });
      await apply(now - was);
    };
    await fix('seatsTaken', current.seatsTaken, seats.seatsTaken, (d) => store.releaseSeats(eventId, -d));
    await fix('waitingCount', current.waitingCount, seats.waitingCount, async (d) => {
      for (let i = 0; i < Math.abs(d); i++) await store.changeWaiting(eventId, d > 0 ? 1 : -1);
    });
    await fix('checkedIn', current.checkedIn, attendance.checkedIn, (d) =>
      store.changeAttendance(eventId, { checkedIn: d }),
    );
    await fix('walkIns', current.walkIns, attendance.walkIns, (d) => store.changeAttendance(eventId, { walkIns: d }));
  });
}

/** The campaign's summary counters and visit markers, recounted from every check-in and rating. */
async function reconcileCampaign(deps: Deps, campaign: Campaign, events: ActivityEvent[], repairs: Repairs) {
  const { store } = deps;
  const allCheckins: Checkin[] = [];
  const allRatings: Rating[] = [];
  for (let i = 0; i < events.length; i += READ_CONCURRENCY) {
    const slice = events.slice(i, i + READ_CONCURRENCY);
    const read = await Promise.all(
      slice.map((e) => Promise.all([store.listCheckinsOfEvent(e.id), store.listRatingsOfEvent(e.id)])),
    );
    for (const [checkins, ratings] of read) {
      allCheckins.push(...checkins);
      allRatings.push(...ratings);
    }
  }
  const before = repairs.length;
  await store.atomic(async () => {
    const [counters, visits] = await Promise.all([store.readCounters(campaign.id), store.listVisits(campaign.id)]);
    // Online joins are their own raw records (one marker each); door markers are recounted from check-ins.
    const online = Object.keys(visits).filter((m) => m.startsWith('online|'));
    const truth = recountSummary(allCheckins, campaign, allRatings, online);
    for (const marker of online) truth.visits[marker] = visits[marker];
    const deltas: Record<string, number> = {};
    for (const key of new Set([...Object.keys(counters), ...Object.keys(truth.counters)])) {
      if (key === VERSION_KEY) continue;
      const was = counters[key] ?? 0;
      const now = truth.counters[key] ?? 0;
      if (was !== now) {
        repairs.push({ target: campaign.id, field: key, was, now });
        deltas[key] = now - was;
      }
    }
    for (const marker of new Set([...Object.keys(visits), ...Object.keys(truth.visits)])) {
      if (!isDoorMarker(marker)) continue;
      const was = visits[marker] ?? 0;
      const now = truth.visits[marker] ?? 0;
      for (let i = 0; i < Math.abs(now - was); i++) await store.addVisit(campaign.id, marker, now > was ? 1 : -1);
    }
    if (repairs.length > before) deltas[VERSION_KEY] = 1;
    await store.bumpCounters(campaign.id, deltas);
  });
}

/**
 * One page of reconciliation, so that no call runs long: events [cursor, cursor + limit) in id
 * order are recounted from their raw registrations and check-ins and repaired with relative
 * changes (so that work landing meanwhile is not overwritten); the page after the last event
 * recounts the campaign's summary counters. `next` is the cursor of the following page, null
 * when the campaign is done. Organizers call it until `next` is null.
 */
export async function reconcilePage(
  deps: Deps,
  caller: Caller,
  input: { campaignId?: string; cursor?: number; limit?: number },
): Promise<ReconcileReport> {
  const campaign = await campaignOf(deps, input.campaignId);
  if (caller.role !== 'admin' && !(caller.role === 'organizer' && caller.districtId === campaign.districtId)) {
    fail('FORBIDDEN', '只能核对本区的活动周');
  }
  const events = [...(await deps.store.listEvents(campaign.id))].sort((a, b) => (a.id < b.id ? -1 : 1));
  const cursor = Math.min(input.cursor ?? 0, events.length);
  const page = events.slice(cursor, cursor + (input.limit ?? RECONCILE_PAGE));
  const repairs: Repairs = [];
  for (const event of page) await reconcileEvent(deps, event.id, repairs);
  const after = cursor + page.length;
  if (after < events.length) return { campaignId: campaign.id, checkedEvents: page.length, repairs, next: after };
  await reconcileCampaign(deps, campaign, events, repairs);
  return { campaignId: campaign.id, checkedEvents: page.length, repairs, next: null };
}

/** The whole campaign, page after page (the nightly timer function and `npm run reconcile`). */
export async function reconcile(deps: Deps, caller: Caller, campaignId?: string): Promise<ReconcileReport> {
  const report: ReconcileReport = { campaignId: campaignId ?? '', checkedEvents: 0, repairs: [], next: 0 };
  while (report.next !== null) {
    const page = await reconcilePage(deps, caller, { campaignId, cursor: report.next });
    report.campaignId = page.campaignId;
    report.checkedEvents += page.checkedEvents;
    report.repairs.push(...page.repairs);
    report.next = page.next;
  }
  return report;
}
