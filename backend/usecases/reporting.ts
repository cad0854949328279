/**
 * Reporting tasks (上报任务): a level asks the orgs of a chosen level below for items by a
 * deadline; each org submits (counted forms frozen from its live roll-up, every version kept);
 * the issuing level tracks, reminds, returns with a reason or approves. Everything is audited
 * under the org that acted.
 */
import type { Org, OrgKind } from '../../types/domain';
import type { Answer, AnswerInput, ReportItem, ReportSubmission, ReportTask, TrackerView } from '../../types/reporting';
import { DomainError, fail } from '../core/errors';
import {
  assertTransition,
  checkAnswers,
  deadlineEnd,
  isLate,
  presetDeadline,
  presetOf,
  reportingRates,
  trackerState,
} from '../core/reporting';
import { combine, difference, freeze, thaw } from '../core/rollup';
import { audit } from './audit';
import { notify } from './notices';
import type { Caller, Deps } from './context';
import { randomHex } from './ids';
import { measureAnswers } from './report-files';
import { messageOrgs, organizersOf, type MessageRun } from './report-reminders';
import { assertAbove, callerOrgId, pathUp, rollupTree } from './tree';

export interface TaskInput {
  title?: string;
  deadline?: string;
  closesOn?: string | null;
  targetKind: OrgKind;
  items?: ReportItem[];
  preset?: string;
  /** The year a preset's deadline falls in (default: the deadline's or this year). */
  year?: number;
  campaignId?: string;
}

/** The orgs of `kind` in the subtree below `rootId` (not descending below that kind). */
async function orgsOfKindBelow(deps: Deps, rootId: string, kind: OrgKind): Promise<Org[]> {
  const found: Org[] = [];
  const seen = new Set<string>([rootId]);
  let frontier = [rootId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const child of await deps.store.listChildOrgs(id)) {
        if (seen.has(child.id)) continue;
        seen.add(child.id);
        if (child.kind === kind) found.push(child);
        else next.push(child.id);
      }
    }
    frontier = next;
  }
  return found.sort((a, b) => a.id.localeCompare(b.id));
}

function assertItems(items: readonly ReportItem[]): void {
  if (items.length === 0) fail('VALIDATION_FAILED', '请至少添加一项上报材料');
  const keys = new Set(items.map((i) => i.key));
  if (keys.size !== items.length) fail('VALIDATION_FAILED', '上报材料的编号不能重复');
}

export async function createTask(deps: Deps, caller: Caller, input: TaskInput): Promise<ReportTask> {
  const issuerOrgId = callerOrgId(caller);
  const preset = input.preset ? presetOf(input.preset) : null;
  const year = input.year ?? Number((input.deadline ?? '').slice(0, 4) || new Date(deps.clock.now()).getFullYear());
  const deadline = input.deadline ?? (preset ? presetDeadline(preset, year) : null);
  const title = input.title ?? preset?.title;
  const items = input.items ?? preset?.items ?? [];
  if (!deadline) fail('VALIDATION_FAILED', '请填写截止日期');
  if (!title) fail('VALIDATION_FAILED', '请填写任务名称');
  if (input.closesOn && input.closesOn < deadline) fail('VALIDATION_FAILED', '停止接收日期不能早于截止日期');
  assertItems(items);
  const targets = await orgsOfKindBelow(deps, issuerOrgId, input.targetKind);
  if (targets.length === 0) fail('VALIDATION_FAILED', '下级没有这一层级的单位');
  if (input.campaignId) {
    const campaign = await deps.store.getCampaign(input.campaignId);
    if (!campaign || campaign.districtId !== issuerOrgId) fail('CAMPAIGN_NOT_FOUND');
  }
  // Without a named campaign: the issuer's own, the one whose week ends last.
  const campaignId = input.campaignId ?? (await deps.store.listCampaignsOfOrg(issuerOrgId))[0]?.id ?? null;
  const task: ReportTask = {
    id: `rt-${deps.clock.now().toString(36)}-${randomHex(deps, 4)}`,
    issuerOrgId,
    title,
    deadline,
    closesOn: input.closesOn ?? null,
    campaignId,
    targetKind: input.targetKind,
    targetOrgIds: targets.map((o) => o.id),
    items,
    preset: preset?.id ?? null,
    createdAt: deps.clock.now(),
    createdBy: caller.openid ?? '',
  };
  await deps.store.putReportTask(task);
  await audit(deps, caller, issuerOrgId, 'report.task.create', task.id, `${title}（截止 ${deadline}）`);
  return task;
}

async function taskOf(deps: Deps, taskId: string): Promise<ReportTask> {
  const task = await deps.store.getReportTask(taskId);
  if (!task) fail('REPORT_TASK_NOT_FOUND');
  return task;
}

/** Tasks the caller's org issued, and tasks addressed to it by the levels above. */
export async function listTasks(deps: Deps, caller: Caller): Promise<{ issued: ReportTask[]; received: ReportTask[] }> {
  const orgId = callerOrgId(caller);
  const issued = await deps.store.listReportTasks(orgId);
  const above = (await pathUp(deps, orgId)).slice(1);
  const received: ReportTask[] = [];
  for (const org of above) {
    received.push(...(await deps.store.listReportTasks(org.id)).filter((t) => t.targetOrgIds.includes(orgId)));
  }
  return { issued, received };
}

const submissionId = (taskId: string, orgId: string) => `${taskId}_${orgId}`;

/** The live figures of an org for a task: its campaign that joined the task's campaign, rolled up. */
async function liveFiguresOf(deps: Deps, task: ReportTask, orgId: string) {
  if (!task.campaignId) return null;
  const joined = (await deps.store.listChildCampaigns(task.campaignId)).find((c) => c.districtId === orgId);
  return joined ? (await rollupTree(deps, joined)).total : null;
}

async function freezeAnswers(
  deps: Deps,
  task: ReportTask,
  orgId: string,
  answers: Record<string, AnswerInput>,
): Promise<Record<string, Answer>> {
  const frozen: Record<string, Answer> = {};
  for (const [key, answer] of Object.entries(answers)) {
    const item = task.items.find((i) => i.key === key) as ReportItem;
    if (answer.kind !== 'form' || item.kind !== 'form') {
      frozen[key] = answer as Answer;
      continue;
    }
    const live = await liveFiguresOf(deps, task, orgId);
    if (!live) {
      throw new DomainError('REPORT_INCOMPLETE', `${item.label}：本单位还没有加入上级活动周的活动周，无法生成统计`, [
        { path: key, message: '没有可统计的活动周' },
      ]);
    }
    const profile = item.form === 'rollup' ? null : await deps.store.getFormProfile(`${item.form}:${orgId}`);
    frozen[key] = {
      kind: 'form',
      form: item.form,
      figures: freeze(live),
      fields: { ...(profile?.fields ?? {}) },
      frozenAt: deps.clock.now(),
    };
  }
  return frozen;
}

export async function submitReport(
  deps: Deps,
  caller: Caller,
  input: { taskId: string; orgId: string; answers: Record<string, AnswerInput> },
): Promise<ReportSubmission> {
  const task = await taskOf(deps, input.taskId);
  if (!task.targetOrgIds.includes(input.orgId)) fail('REPORT_NOT_YOUR_ORG', '该单位不在本任务的上报范围内');
  if (caller.role !== 'admin' && (caller.role !== 'organizer' || caller.districtId !== input.orgId)) {
    fail('REPORT_NOT_YOUR_ORG');
  }
  const now = deps.clock.now();
  if (task.closesOn && isLate(task.closesOn, now)) fail('REPORT_LATE', `该任务已于 ${task.closesOn} 停止接收`);
  // Files are judged by what was uploaded (measured from the bytes), never by what the phone said.
  const measured = await measureAnswers(deps, task, input.answers, caller.openid ?? '');
  const checked = checkAnswers(task, measured);
  const answers = await freezeAnswers(deps, task, input.orgId, checked);
  const id = submissionId(task.id, input.orgId);
  const current = await deps.store.getSubmission(id);
  assertTransition(current?.status ?? null, 'submit');
  const version = {
    n: (current?.versions.length ?? 0) + 1,
    answers,
    submittedAt: now,
    submittedBy: caller.openid ?? '',
    late: isLate(task.deadline, now),
  };
  const next: ReportSubmission = {
    id,
    taskId: task.id,
    orgId: input.orgId,
    status: 'submitted',
    versions: [...(current?.versions ?? []), version],
    returnReason: null,
    decidedAt: null,
    decidedBy: null,
    revision: (current?.revision ?? 0) + 1,
  };
  if (!(await deps.store.saveSubmission(next, current?.revision ?? null))) fail('STORE_CONFLICT');
  await audit(
    deps,
    caller,
    input.orgId,
    'report.submit',
    id,
    `${task.title} 第 ${version.n} 版${version.late ? '（逾期）' : ''}`,
  );
  return next;
}

async function assertIssuer(deps: Deps, caller: Caller, task: ReportTask): Promise<void> {
  await assertAbove(deps, caller, task.issuerOrgId);
}

export async function decideReport(
  deps: Deps,
  caller: Caller,
  input: { taskId: string; orgId: string; action: 'return' | 'approve'; reason?: string },
): Promise<ReportSubmission> {
  const task = await taskOf(deps, input.taskId);
  await assertIssuer(deps, caller, task);
  const current = await deps.store.getSubmission(submissionId(task.id, input.orgId));
  assertTransition(current?.status ?? null, input.action);
  if (!current) fail('REPORT_STATE_CONFLICT');
  const reason = input.reason?.trim() ?? '';
  if (input.action === 'return' && !reason) fail('VALIDATION_FAILED', '请填写退回原因');
  const next: ReportSubmission = {
    ...current,
    status: input.action === 'approve' ? 'approved' : 'returned',
    returnReason: input.action === 'return' ? reason : null,
    decidedAt: deps.clock.now(),
    decidedBy: caller.openid ?? '',
    revision: current.revision + 1,
  };
  if (!(await deps.store.saveSubmission(next, current.revision))) fail('STORE_CONFLICT');
  await audit(
    deps,
    caller,
    task.issuerOrgId,
    input.action === 'approve' ? 'report.approve' : 'report.return',
    next.id,
    input.action === 'approve' ? `${task.title}：通过` : `${task.title}：退回（${reason}）`,
  );
  if (input.action === 'return') {
    await noticeOrgs(
      deps,
      task,
      [input.orgId],
      'report_returned',
      `“${task.title}”被退回：${reason}。请修改后重新上报。`,
    );
  }
  return next;
}

/** In-app notices to the organizers bound to each org. */
async function noticeOrgs(
  deps: Deps,
  task: ReportTask,
  orgIds: readonly string[],
  kind: 'report_reminder' | 'report_returned',
  text: string,
): Promise<number> {
  const owners = (await organizersOf(deps, orgIds)).map((o) => o.openid);
  return notify(deps, owners, task.id, kind, text);
}

export async function trackTask(deps: Deps, caller: Caller, taskId: string): Promise<TrackerView> {
  const task = await taskOf(deps, taskId);
  await assertIssuer(deps, caller, task);
  const subs = new Map((await deps.store.listSubmissions(task.id)).map((s) => [s.orgId, s]));
  const rows: TrackerView['rows'] = [];
  for (const orgId of task.targetOrgIds) {
    const sub = subs.get(orgId) ?? null;
    const latest = sub?.versions.at(-1) ?? null;
    const form = latest ? Object.values(latest.answers).find((a) => a.kind === 'form') : undefined;
    const figures = form?.kind === 'form' ? form.figures : null;
    const live = figures ? await liveFiguresOf(deps, task, orgId) : null;
    rows.push({
      orgId,
      orgName: (await deps.store.getOrg(orgId))?.name ?? orgId,
      state: trackerState(sub),
      versions: sub?.versions.length ?? 0,
      lastSubmittedAt: latest?.submittedAt ?? null,
      returnReason: sub?.returnReason ?? null,
      figures,
      sinceSubmitted: figures && live ? difference(figures, live) : null,
    });
  }
  const rates = reportingRates(
    rows,
    rows.map((r) => subs.get(r.orgId)?.versions[0]?.late ?? true),
  );
  const approvedFigures = combine(
    rows
      .filter((r) => r.state === 'approved' && r.figures)
      .map((r) => thaw(r.figures as NonNullable<typeof r.figures>)),
  );
  return {
    task,
    rows,
    ...rates,
    remainingMs: deadlineEnd(task.deadline) - deps.clock.now(),
    approved: {
      orgs: rows.filter((r) => r.state === 'approved').length,
      attendance: approvedFigures.attendance,
      distinctPeople: approvedFigures.distinctPeople,
      eventsHeld: approvedFigures.eventsHeld,
    },
  };
}

export async function remindMissing(
  deps: Deps,
  caller: Caller,
  taskId: string,
): Promise<{ orgs: number; notices: number; messages: MessageRun }> {
  const view = await trackTask(deps, caller, taskId);
  const missing = view.rows.filter((r) => r.state === 'missing' || r.state === 'returned').map((r) => r.orgId);
  const days = Math.ceil(view.remainingMs / 86_400_000);
  const when = days > 0 ? `距截止还有 ${days} 天` : '已过截止日期';
  const notices = await noticeOrgs(
    deps,
    view.task,
    missing,
    'report_reminder',
    `请尽快上报“${view.task.title}”（截止 ${view.task.deadline}，${when}）。`,
  );
  const messages = await messageOrgs(deps, view.task, missing, days);
  await audit(
    deps,
    caller,
    view.task.issuerOrgId,
    'report.remind',
    view.task.id,
    `提醒 ${missing.length} 个单位（通知 ${notices} 条，订阅消息 ${messages.sent} 条）`,
  );
  return { orgs: missing.length, notices, messages };
}

/** Every version of one org's submission: the issuer levels and the org itself may read it. */
export async function submissionOf(
  deps: Deps,
  caller: Caller,
  input: { taskId: string; orgId: string },
): Promise<ReportSubmission | null> {
  const task = await taskOf(deps, input.taskId);
  const own = caller.role === 'organizer' && caller.districtId === input.orgId;
  if (!own) await assertIssuer(deps, caller, task);
  return deps.store.getSubmission(submissionId(task.id, input.orgId));
}
