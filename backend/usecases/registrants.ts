/**
 * Before an event, for the unit's staff and supervisors and the district's organizers
 * (mayWorkDoor): the registrant list as .xlsx, and a notice to everyone signed up.
 *
 * Everyone signed up means confirmed and waitlisted sign-ups; cancelled ones are left out. The
 * list masks phones always and names except for the unit's own staff (core/privacy.ts). A notice
 * goes in the app to every sign-up held by a WeChat account, and as a subscription message
 * (the 活动提醒 template, usecases/reminders.ts) to those who subscribed; both are audited.
 */
import type { ActivityEvent, Registration } from '../../types/domain';
import { mayWorkDoor } from '../core/checkin';
import { fail } from '../core/errors';
import { audit } from './audit';
import type { Caller, Deps } from './context';
import { randomHex } from './ids';
import { notify } from './notices';
import { outboxSender, sendEventMessage } from './reminders';

export async function eventOfUnit(deps: Deps, caller: Caller, eventId: string): Promise<ActivityEvent> {
  const event = await deps.store.getEvent(eventId);
  if (!event) fail('EVENT_NOT_FOUND');
  if (!mayWorkDoor(caller, event)) fail('FORBIDDEN', '只能管理本单位的活动');
  return event;
}

/** The most waitlisted sign-ups a list or a notice takes in (far above any event's waitlist). */
const WAITLIST_MAX = 5000;

/** Confirmed sign-ups by time of sign-up, then the waitlist in the store's waitlist order. */
export async function signedUp(
  deps: Deps,
  eventId: string,
): Promise<{ confirmed: Registration[]; waitlisted: Registration[] }> {
  const [regs, waitlisted] = await Promise.all([
    deps.store.listRegistrationsOfEvent(eventId),
    deps.store.listWaitlisted(eventId, WAITLIST_MAX),
  ]);
  const confirmed = regs
    .filter((r) => r.status === 'confirmed')
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { confirmed, waitlisted };
}

export interface NotifyOutcome {
  /** Sign-ups told (confirmed and waitlisted). */
  recipients: number;
  /** In-app notices written (one per WeChat account; staff-made sign-ups have none). */
  notices: number;
  messages: { sent: number; noCredit: number; failed: number };
}

export async function notifyRegistrants(
  deps: Deps,
  caller: Caller,
  input: { eventId: string; text: string },
): Promise<NotifyOutcome> {
  const event = await eventOfUnit(deps, caller, input.eventId);
  if (event.status !== 'approved') fail('VALIDATION_FAILED', '活动尚未发布，没有报名的人');
  const text = input.text.trim();
  const { confirmed, waitlisted } = await signedUp(deps, event.id);
  const everyone = [...confirmed, ...waitlisted];
  const notices = await notify(
    deps,
    everyone.map((r) => r.ownerId),
    event.id,
    'event_message',
    `“${event.title}”通知：${text}`,
  );
  const messages = { sent: 0, noCredit: 0, failed: 0 };
  const sender = deps.reminders ?? outboxSender;
  const key = `${deps.clock.now().toString(36)}-${randomHex(deps, 3)}`;
  const told = new Set<string>();
  for (const reg of everyone) {
    // One message per account, as with the in-app notice.
    if (!reg.ownerId || told.has(reg.ownerId)) continue;
    told.add(reg.ownerId);
    const record = await sendEventMessage(deps, sender, key, reg.id, reg.ownerId, event, text);
    if (record?.status === 'sent') messages.sent += 1;
    else if (record?.status === 'no_credit') messages.noCredit += 1;
    else if (record) messages.failed += 1;
  }
  await audit(
    deps,
    caller,
    event.districtId,
    'registrants.notify',
    event.title,
    `通知报名者 ${everyone.length} 人（站内 ${notices} 条，订阅消息 ${messages.sent} 条）：${text}`,
  );
  return { recipients: everyone.length, notices, messages };
}
