/**
 * Unit staff create, edit and submit their unit's events; organizers review them. Only approved
 * events are visible to residents. Changing an approved event's time or place tells the people
 * signed up; cancelling an event cancels its sign-ups (they stop counting) with a notice.
 * Capacity never drops below the seats already taken.
 */
import { practicalOf, practicalPatch } from '../core/practical';
import type { EventInput } from '../../types/api';
import type { ActivityEvent, Registration } from '../../types/domain';
import { mayWorkDoor } from '../core/checkin';
import { fail } from '../core/errors';
import { assertEventTimes, changeNeedsNotice, nextStatus, type ReviewAction } from '../core/setup';
import { dayOf, spanLabel } from '../core/time';
import { audit } from './audit';
import type { Caller, Deps } from './context';
import { randomHex } from './ids';
import { notify } from './notices';
import { touch } from './summary';
import { promoteWaitlist } from './waitlist';
import { announcePromotions } from './promotion-notices';

export type { EventInput } from '../../types/api';

async function managed(deps: Deps, caller: Caller, eventId: string): Promise<ActivityEvent> {
  const event = await deps.store.getEvent(eventId);
  if (!event) fail('EVENT_NOT_FOUND');
  if (!mayWorkDoor(caller, event)) fail('FORBIDDEN', '只能管理本单位的活动');
  return event;
}

const isOrganizer = (caller: Caller) => caller.role === 'organizer' || caller.role === 'admin';

/** Events the caller manages, in every state (residents see only approved ones). */
export async function managedEvents(deps: Deps, caller: Caller): Promise<ActivityEvent[]> {
  const campaign = await deps.store.latestCampaign();
  if (!campaign) fail('CAMPAIGN_NOT_FOUND');
  const events = await deps.store.listEvents(campaign.id);
  return events.filter((e) => mayWorkDoor(caller, e));
}

export async function saveEvent(deps: Deps, caller: Caller, input: EventInput): Promise<ActivityEvent> {
  const campaign = await deps.store.latestCampaign();
  if (!campaign) fail('CAMPAIGN_NOT_FOUND');
  const orgs = await deps.store.listOrgs(campaign.districtId);
  const unit = orgs.find((o) => o.id === input.unitId && o.kind === 'unit');
  if (!unit) fail('VALIDATION_FAILED', '请选择主办单位');
  if (!mayWorkDoor(caller, { unitId: unit.id, districtId: campaign.districtId })) {
    fail('FORBIDDEN', '只能管理本单位的活动');
  }
  assertEventTimes(campaign, input.startAt, input.endAt);
  if (input.mode !== 'offline' && !input.onlineUrl) {
    // An online part is reached through a link; a live stream without one cannot be joined.
    fail('VALIDATION_FAILED', '线上活动请填写参与链接');
  }
  const now = deps.clock.now();
  const fields = {
    unitId: unit.id,
    streetId: unit.parentId ?? campaign.districtId,
    title: input.title,
    content: input.content,
    venue: input.venue,
    startAt: input.startAt,
    endAt: input.endAt,
    day: dayOf(input.startAt),
    category: input.category,
    audiences: input.audiences,
    mode: input.mode,
    onlineUrl: input.onlineUrl,
    free: input.free,
    ...practicalOf(input),
    venueRole: input.venueRole,
    maxCompanions: input.maxCompanions,
    updatedAt: now,
  };
  if (!input.eventId) {
    const event: ActivityEvent = {
      ...fields,
      id: `ev-${randomHex(deps, 6)}`,
      campaignId: campaign.id,
      districtId: campaign.districtId,
      entered: null,
      // Organizers publish directly; unit staff draft and submit for review.
      status: isOrganizer(caller) ? 'approved' : 'draft',
      capacity: input.capacity,
      seatsTaken: 0,
      waitingCount: 0,
      checkedIn: 0,
      walkIns: 0,
      createdAt: now,
    };
    if (!event.onlineUrl) delete event.onlineUrl;
    await deps.store.putEvent(event);
    await audit(deps, caller, campaign.districtId, 'event.create', event.id, event.title);
    if (event.status === 'approved') await touch(deps, campaign.id);
    return event;
  }
  const before = await managed(deps, caller, input.eventId);
  if (before.status === 'cancelled') fail('EVENT_STATE_CONFLICT', '已取消的活动不能再修改');
  if (before.unitId !== unit.id) fail('VALIDATION_FAILED', '不能更改活动的主办单位');
  const promoted = await deps.store.atomic(async () => {
    // The editor sends the whole event: a practical field it leaves out is cleared.
    if (!(await deps.store.updateEventFields(before.id, { ...fields, ...practicalPatch(input) }))) {
      fail('EVENT_NOT_FOUND');
    }
    const seated = input.capacity !== before.capacity ? await changeCapacity(deps, before, input.capacity) : [];
    await touch(deps, before.campaignId);
    return seated;
  });
  await announcePromotions(deps, promoted);
  const after = (await deps.store.getEvent(before.id)) as ActivityEvent;
  const changes = describeChange(before, after);
  await audit(deps, caller, before.districtId, 'event.update', before.id, changes || '修改活动信息');
  if (changeNeedsNotice(before, after)) {
    const regs = await deps.store.listRegistrationsOfEvent(before.id);
    const owners = regs.filter((r) => r.status === 'confirmed' || r.status === 'waitlisted').map((r) => r.ownerId);
    await notify(deps, owners, before.id, 'event_changed', `您报名的“${after.title}”有变动：${changes}`);
  }
  return after;
}

function describeChange(before: ActivityEvent, after: ActivityEvent): string {
  const parts = [];
  if (before.startAt !== after.startAt || before.endAt !== after.endAt) {
    parts.push(`时间改为 ${spanLabel(after.startAt, after.endAt)}`);
  }
  if (before.venue !== after.venue) parts.push(`地点改为 ${after.venue}`);
  if (before.capacity !== after.capacity) parts.push(`名额 ${before.capacity ?? '不限'} → ${after.capacity ?? '不限'}`);
  const asked = (e: ActivityEvent) =>
    (e.questions ?? []).map((q) => `${q.label}${q.required ? '' : '（选填）'}`).join('、');
  if (asked(before) !== asked(after)) parts.push(`报名问题改为 ${asked(after) || '无'}`);
  return parts.join('；');
}

/** Returns whom the new seats promoted; the caller tells them after the unit of work. */
async function changeCapacity(deps: Deps, event: ActivityEvent, capacity: number | null): Promise<Registration[]> {
  if (!(await deps.store.setCapacity(event.id, capacity))) {
    const now = await deps.store.getEvent(event.id);
    fail('CAPACITY_BELOW_TAKEN', `已有 ${now?.seatsTaken ?? event.seatsTaken} 人报名，名额不能少于此数`);
  }
  if (capacity !== null && (event.capacity === null || capacity > event.capacity)) {
    return promoteWaitlist(deps, event.id);
  }
  return [];
}

export async function setCapacity(deps: Deps, caller: Caller, eventId: string, capacity: number | null) {
  const event = await managed(deps, caller, eventId);
  const promoted = await deps.store.atomic(async () => {
    const seated = await changeCapacity(deps, event, capacity);
    await touch(deps, event.campaignId);
    return seated;
  });
  await announcePromotions(deps, promoted);
  await audit(
    deps,
    caller,
    event.districtId,
    'event.capacity',
    event.id,
    `名额 ${event.capacity ?? '不限'} → ${capacity ?? '不限'}`,
  );
  return (await deps.store.getEvent(eventId)) as ActivityEvent;
}

/** submit (unit staff), approve / return (organizers), cancel (both). */
export async function reviewEvent(
  deps: Deps,
  caller: Caller,
  eventId: string,
  action: ReviewAction,
  reason: string,
): Promise<ActivityEvent> {
  const event = await managed(deps, caller, eventId);
  if ((action === 'approve' || action === 'return') && !isOrganizer(caller)) fail('FORBIDDEN', '只有组织者可以审核');
  if (action === 'return' && !reason.trim()) fail('VALIDATION_FAILED', '请填写退回原因');
  const status = nextStatus(event.status, action);
  if (action === 'cancel') return cancelEvent(deps, caller, event, reason);
  const now = deps.clock.now();
  await deps.store.atomic(async () => {
    await deps.store.updateEventFields(event.id, {
      status,
      updatedAt: now,
      reviewNote: action === 'return' ? reason.trim() : '',
    });
    await touch(deps, event.campaignId);
  });
  await audit(deps, caller, event.districtId, `event.${action}`, event.id, reason.trim() || event.title);
  return (await deps.store.getEvent(event.id)) as ActivityEvent;
}

async function cancelEvent(deps: Deps, caller: Caller, event: ActivityEvent, reason: string): Promise<ActivityEvent> {
  const now = deps.clock.now();
  const owners: (string | null)[] = [];
  await deps.store.atomic(async () => {
    await deps.store.updateEventFields(event.id, { status: 'cancelled', updatedAt: now });
    const regs = await deps.store.listRegistrationsOfEvent(event.id);
    for (const reg of regs) {
      if (reg.status !== 'confirmed' && reg.status !== 'waitlisted') continue;
      const ok = await deps.store.updateRegistration(
        reg.id,
        { status: reg.status, updatedAt: reg.updatedAt },
        { status: 'cancelled', cancelledAt: now, updatedAt: now },
      );
      if (!ok) continue;
      if (reg.status === 'confirmed') await deps.store.releaseSeats(event.id, reg.party);
      else await deps.store.changeWaiting(event.id, -1);
      owners.push(reg.ownerId);
    }
    await touch(deps, event.campaignId);
  });
  const why = reason.trim() ? `，原因：${reason.trim()}` : '';
  await notify(deps, owners, event.id, 'event_cancelled', `很抱歉，您报名的“${event.title}”已取消${why}。`);
  await audit(deps, caller, event.districtId, 'event.cancel', event.id, reason.trim() || event.title);
  return (await deps.store.getEvent(event.id)) as ActivityEvent;
}
