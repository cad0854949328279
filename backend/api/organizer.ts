/**
 * The `organizer` function's actions: live headcounts, entered figures, reconciliation.
 */
import { actionTable, type HandlersOf } from './edge';
import type { OrganizerActions } from '../../types/api';
import type { Deps } from '../usecases/context';
import { dashboard, enterParticipants, reconcilePage } from '../usecases/dashboard';
import { formPreview, saveFormProfile } from '../usecases/forms';
import { createInvite, listInvites, revokeInvite } from '../usecases/invites';
import { managedEvents, reviewEvent, saveEvent, setCapacity } from '../usecases/manage-events';
import { listOrgTree, listStaff, revokeStaff, saveCampaign, saveOrg, setupAudit, updateStaff } from '../usecases/setup';
import { managedView } from '../usecases/views';
import { outboxSender, runReminders } from '../usecases/reminders';
import { posterOf } from '../usecases/poster';
import { notifyRegistrants } from '../usecases/registrants';
import { fail } from '../core/errors';
import { REPORT_PRESETS } from '../core/reporting';
import {
  createTask,
  decideReport,
  listTasks,
  remindMissing,
  submissionOf,
  submitReport,
  trackTask,
} from '../usecases/reporting';
import { rollup } from '../usecases/tree';
import { subscribeReports } from '../usecases/report-reminders';
import { organizerSchemas } from './schemas/organizer';
import { evaluationHandlers } from './evaluation';

type Handlers = HandlersOf<OrganizerActions>;

export const organizerHandlers: Handlers = {
  'dashboard.get': (deps, caller, input) => dashboard(deps, caller, input.campaignId),
  'attendance.enter': (deps, caller, input) => enterParticipants(deps, caller, input),
  'reconcile.run': (deps, caller, input) => reconcilePage(deps, caller, input),
  'forms.preview': (deps, caller, input) => formPreview(deps, caller, input),
  'forms.saveProfile': async (deps, caller, input) => ({ profile: await saveFormProfile(deps, caller, input) }),
  'registrants.notify': (deps, caller, input) => notifyRegistrants(deps, caller, input),
  'campaign.save': async (deps, caller, input) => ({ campaign: await saveCampaign(deps, caller, input) }),
  'org.list': async (deps, caller) => ({ orgs: await listOrgTree(deps, caller) }),
  'org.save': async (deps, caller, input) => ({ org: await saveOrg(deps, caller, input) }),
  'staff.list': async (deps, caller) => ({ members: await listStaff(deps, caller) }),
  'staff.update': async (deps, caller, input) => ({ member: await updateStaff(deps, caller, input) }),
  'staff.revoke': async (deps, caller, input) => {
    await revokeStaff(deps, caller, input.openid);
    return { revoked: true };
  },
  'invite.create': async (deps, caller, input) => {
    const invite = await createInvite(deps, caller, input);
    return { invite, path: `pages/invite/index?code=${invite.code}` };
  },
  'invite.list': async (deps, caller) => ({ invites: await listInvites(deps, caller) }),
  'invite.revoke': async (deps, caller, input) => {
    await revokeInvite(deps, caller, input.code);
    return { revoked: true };
  },
  'events.managed': async (deps, caller) => {
    const events = await managedEvents(deps, caller);
    return { events: await managedViews(deps, events) };
  },
  'event.save': async (deps, caller, input) => {
    const event = await saveEvent(deps, caller, input);
    return { event: (await managedViews(deps, [event]))[0] };
  },
  'event.review': async (deps, caller, input) => {
    const event = await reviewEvent(deps, caller, input.eventId, input.action, input.reason);
    return { event: (await managedViews(deps, [event]))[0] };
  },
  'event.setCapacity': async (deps, caller, input) => {
    const event = await setCapacity(deps, caller, input.eventId, input.capacity);
    return { event: (await managedViews(deps, [event]))[0] };
  },
  'setupAudit.list': (deps, caller, input) => setupAudit(deps, caller, input.offset ?? 0, input.limit ?? 50),
  'reminders.run': (deps) => runReminders(deps, deps.reminders ?? outboxSender),
  'event.poster': (deps, caller, input) => posterOf(deps, caller, input.eventId),
  ...evaluationHandlers,
  'rollup.get': (deps, caller, input) => rollup(deps, caller, input.campaignId),
  'report.presets': async () => ({ presets: REPORT_PRESETS.map((p) => ({ ...p })) }),
  'report.create': async (deps, caller, input) => ({ task: await createTask(deps, caller, input) }),
  'report.list': async (deps, caller) => ({
    ...(await listTasks(deps, caller)),
    reminder: {
      template: deps.templates?.report_reminder ?? null,
      simulated: !deps.templates,
      credits: caller.openid ? await deps.store.getCredits(caller.openid, 'report_reminder') : 0,
    },
  }),
  'report.submit': async (deps, caller, input) => ({ submission: await submitReport(deps, caller, input) }),
  'report.get': async (deps, caller, input) => ({ submission: await submissionOf(deps, caller, input) }),
  'report.decide': async (deps, caller, input) => ({ submission: await decideReport(deps, caller, input) }),
  'report.track': (deps, caller, input) => trackTask(deps, caller, input.taskId),
  'report.remind': (deps, caller, input) => remindMissing(deps, caller, input.taskId),
  'report.subscribe': (deps, caller, input) => subscribeReports(deps, caller, input.accepted),
};

async function managedViews(deps: Deps, events: Parameters<typeof managedView>[0][]) {
  if (events.length === 0) return [];
  const orgs = await deps.store.listOrgs(events[0].districtId);
  if (!orgs) fail('INTERNAL');
  return events.map((e) => managedView(e, orgs, deps.clock.now()));
}

export const organizerTable = actionTable(organizerSchemas, organizerHandlers);
