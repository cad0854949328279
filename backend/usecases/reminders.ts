/**
 * Reminders by WeChat subscription message: residents accept on a tap (credits), a timer runs
 * the scheduler, a sender delivers (WeChat in production, an outbox locally). Every outcome
 * is recorded once: sent, refused by the user (43101), no credit, or failed.
 */
import { REMINDER_KINDS, type ReminderKind, type ReminderRecord } from '../../types/domain';
import { fail } from '../core/errors';
import { dueReminders, ratingInviteFields, reminderFields, reminderId, thing } from '../core/reminders';
import { addDays, dayOf } from '../core/time';
import { DuplicateKeyError } from '../store/port';
import type { Caller, Deps } from './context';
import type { ReminderSender } from './ports';
import { requireOpenid } from './caller';

export type { ReminderSender };

/** The local sender: nothing leaves the machine; the records are the outbox. */
export const outboxSender: ReminderSender = {
  send: async () => ({ status: 'sent', detail: '本地演示：已放入发件箱' }),
};

/** The resident's credits per template (one per acceptance not yet spent). */
async function creditsOf(deps: Deps, openid: string): Promise<Record<ReminderKind, number>> {
  const counts = await Promise.all(REMINDER_KINDS.map((k) => deps.store.getCredits(openid, k)));
  return Object.fromEntries(REMINDER_KINDS.map((k, i) => [k, counts[i]])) as Record<ReminderKind, number>;
}

/** One credit per template the resident accepted in the subscription dialog (one tap). */
export async function subscribe(deps: Deps, caller: Caller, accepted: readonly ReminderKind[]) {
  const openid = requireOpenid(caller);
  if (new Set(accepted).size !== accepted.length) fail('VALIDATION_FAILED', '重复的订阅项');
  for (const kind of accepted) await deps.store.addCredits(openid, kind, 1);
  return { credits: await creditsOf(deps, openid) };
}

export async function myReminders(deps: Deps, caller: Caller) {
  const openid = requireOpenid(caller);
  return {
    reminders: await deps.store.listReminders(openid, 50),
    credits: await creditsOf(deps, openid),
  };
}

export interface ReminderRun {
  sent: number;
  refused: number;
  noCredit: number;
  failed: number;
}

/** The scheduler: the latest campaign's events of today and tomorrow (Asia/Shanghai). */
export async function runReminders(deps: Deps, sender: ReminderSender): Promise<ReminderRun> {
  const run: ReminderRun = { sent: 0, refused: 0, noCredit: 0, failed: 0 };
  const campaign = await deps.store.latestCampaign();
  if (!campaign) return run;
  const now = deps.clock.now();
  const today = dayOf(now);
  const events = [
    ...(await deps.store.listEvents(campaign.id, today)),
    ...(await deps.store.listEvents(campaign.id, addDays(today, 1))),
  ];
  for (const event of events) {
    if (event.status !== 'approved' || event.startAt <= now) continue;
    for (const reg of await deps.store.listRegistrationsOfEvent(event.id)) {
      for (const kind of dueReminders(reg, event, now)) {
        const record = await sendReminder(deps, sender, kind, reg.id, reg.ownerId as string, event);
        if (record === null) continue;
        if (record.status === 'sent') run.sent += 1;
        else if (record.status === 'refused') run.refused += 1;
        else if (record.status === 'no_credit') run.noCredit += 1;
        else run.failed += 1;
      }
    }
  }
  return run;
}

/**
 * A notice written by the event's unit or organizer (registrants.notify), as the 活动提醒
 * template with the notice as its 温馨提示: sent once per notice and registration, spending the
 * resident's 活动提醒 credit like any reminder; without one, `no_credit` is recorded.
 */
export async function sendEventMessage(
  deps: Deps,
  sender: ReminderSender,
  noticeKey: string,
  registrationId: string,
  ownerId: string,
  event: { id: string; title: string; startAt: number; venue: string },
  text: string,
): Promise<ReminderRecord | null> {
  return sendReminder(deps, sender, 'event_reminder', registrationId, ownerId, event, {
    id: `message|${noticeKey}|${registrationId}`,
    fields: { ...reminderFields('event_reminder', event), thing4: thing(text) },
    page: eventPage(event.id),
  });
}

/**
 * The invitation of a sampled attendee to rate (满意度调查邀请 template), sent once per sample
 * and registration (`rating_invite|<sample>|<registration>`), spending the resident's
 * rating-invite credit; without one, `no_credit` is recorded and the in-app notice alone asks.
 * Opens 我的报名, where the rating is given.
 */
export async function sendRatingInvite(
  deps: Deps,
  sender: ReminderSender,
  sampleId: string,
  registrationId: string,
  ownerId: string,
  event: { id: string; title: string; startAt: number; venue: string },
): Promise<ReminderRecord | null> {
  return sendReminder(deps, sender, 'rating_invite', registrationId, ownerId, event, {
    id: `rating_invite|${sampleId}|${registrationId}`,
    fields: ratingInviteFields(event),
    page: 'pages/mine/index',
  });
}

const eventPage = (eventId: string) => `pages/event/index?id=${eventId}`;

/**
 * Handles one reminder now: claimed once, a credit spent, sent, and its outcome recorded. A
 * `message` names its own id, template fields and page; without one, the kind's own are used.
 */
export async function sendReminder(
  deps: Deps,
  sender: ReminderSender,
  kind: ReminderKind,
  registrationId: string,
  ownerId: string,
  event: { id: string; title: string; startAt: number; venue: string },
  message?: { id: string; fields: Record<string, string>; page: string },
): Promise<ReminderRecord | null> {
  const id = message?.id ?? reminderId(kind, registrationId);
  const base = {
    id,
    kind,
    registrationId,
    ownerId,
    eventId: event.id,
    fields: message?.fields ?? (kind === 'rating_invite' ? ratingInviteFields(event) : reminderFields(kind, event)),
    attempts: 0,
  };
  return deliver(deps, sender, base, message?.page ?? eventPage(event.id));
}

/**
 * Delivers one subscription message: claimed once by its id (a second claim returns null), a
 * credit of its kind spent, sent, and its outcome recorded (also for organizers' 上报提醒).
 */
export async function deliver(
  deps: Deps,
  sender: ReminderSender,
  base: Omit<ReminderRecord, 'status' | 'detail' | 'at'>,
  page: string,
): Promise<ReminderRecord | null> {
  const { kind, ownerId } = base;
  // Claim the reminder first, so that two runs never send it twice.
  const claimed: ReminderRecord = { ...base, status: 'failed', detail: '处理中', at: deps.clock.now() };
  try {
    await deps.store.insertReminder(claimed);
  } catch (error) {
    if (error instanceof DuplicateKeyError) return null;
    throw error;
  }
  let outcome: ReminderRecord;
  if (!(await deps.store.takeCredit(ownerId, kind))) {
    outcome = { ...base, status: 'no_credit', detail: '用户未订阅或订阅次数已用完', at: deps.clock.now() };
  } else {
    let result: { status: 'sent' | 'refused' | 'failed'; detail: string };
    try {
      result = await sender.send(ownerId, kind, base.fields, page);
    } catch (error) {
      result = { status: 'failed', detail: error instanceof Error ? error.message.slice(0, 100) : '发送失败' };
    }
    // A refusal or failure spent nothing with WeChat: the credit goes back for another message.
    if (result.status !== 'sent') await deps.store.addCredits(ownerId, kind, 1);
    outcome = { ...base, status: result.status, detail: result.detail, attempts: 1, at: deps.clock.now() };
  }
  await deps.store.putReminder(outcome);
  return outcome;
}
