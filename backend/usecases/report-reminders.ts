/**
 * Reminders of reporting tasks to the organizers of the orgs still missing: an in-app notice
 * always, and a subscription message (上报提醒) where the person subscribed — one credit per
 * acceptance, spent per message, at most one message per task, person and day (core/reminders.ts,
 * usecases/reminders.ts `deliver`). Locally the messages go to the outbox (reminders.mine).
 */
import type { ReportTask } from '../../types/reporting';
import { reportReminderFields } from '../core/reminders';
import { dayOf } from '../core/time';
import type { Caller, Deps } from './context';
import { requireOpenid } from './caller';
import { deliver } from './reminders';
import { audit } from './audit';
import { callerOrgId } from './tree';

export interface MessageRun {
  sent: number;
  noCredit: number;
  /** Refused by the person in WeChat, or failed (the credit is kept). */
  failed: number;
}

/** The organizers bound to each org (the people a reminder goes to). */
export async function organizersOf(
  deps: Deps,
  orgIds: readonly string[],
): Promise<{ orgId: string; openid: string }[]> {
  const out: { orgId: string; openid: string }[] = [];
  for (const orgId of orgIds) {
    for (const m of await deps.store.listMembers(orgId))
      if (m.role === 'organizer') out.push({ orgId, openid: m.openid });
  }
  return out;
}

/** Sends 上报提醒 to the organizers of `orgIds` who hold a credit; records every outcome. */
export async function messageOrgs(
  deps: Deps,
  task: ReportTask,
  orgIds: readonly string[],
  daysLeft: number,
): Promise<MessageRun> {
  const run: MessageRun = { sent: 0, noCredit: 0, failed: 0 };
  if (!deps.reminders) return run;
  const fields = reportReminderFields(task.title, task.deadline, daysLeft);
  const today = dayOf(deps.clock.now());
  for (const { orgId, openid } of await organizersOf(deps, orgIds)) {
    const record = await deliver(
      deps,
      deps.reminders,
      {
        id: `report|${task.id}|${orgId}|${openid}|${today}`,
        kind: 'report_reminder',
        registrationId: `${task.id}_${orgId}`,
        ownerId: openid,
        eventId: task.id,
        fields,
        attempts: 0,
      },
      'organizer/reports/index',
    );
    if (!record) continue;
    if (record.status === 'sent') run.sent += 1;
    else if (record.status === 'no_credit') run.noCredit += 1;
    else run.failed += 1;
  }
  return run;
}

/** The organizer accepted (or not) the 上报提醒 subscription dialog: one credit per acceptance. */
export async function subscribeReports(deps: Deps, caller: Caller, accepted: boolean): Promise<{ credits: number }> {
  const openid = requireOpenid(caller);
  const orgId = callerOrgId(caller);
  if (accepted) {
    await deps.store.addCredits(openid, 'report_reminder', 1);
    await audit(deps, caller, orgId, 'report.subscribe', 'report_reminder', '订阅上报提醒 1 次');
  }
  return { credits: await deps.store.getCredits(openid, 'report_reminder') };
}
