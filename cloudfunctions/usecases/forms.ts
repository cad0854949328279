/**
 * The statistics forms: preview with counted cells filled, typed fields saved once and reused,
 * export as .xlsx like the paper, raw attendance export, and import of 活动项目安排表 sheets.
 */
import { createHash } from 'node:crypto';
import type { ActivityEvent, Campaign, Category, Org } from '../../types/domain';
import type { AttendanceLine, F1Data, F2Data, F3Data, FormKind, FormProfile, ImportProblem } from '../../types/forms';
import { buildF1, buildF2, buildF3, type FormSources } from '../core/forms';
import { fail } from '../core/errors';
import { maskPhone } from '../core/registration';
import { clockLabel, dayOf } from '../core/time';
import { renderAttendance } from '../forms/workbook-attendance';
import { renderF1 } from '../forms/workbook-f1';
import { renderF2 } from '../forms/workbook-f2';
import { renderF3 } from '../forms/workbook-f3';
import { parseF2 } from '../forms/import-f2';
import type { PublishedFile } from '../store/files';
import type { Caller, Deps } from './context';
import { touch } from './summary';

export type FormRequest = { kind: FormKind; orgId?: string; mode?: 'plan' | 'actual'; campaignId?: string };
export type FormData = { kind: 'F1'; data: F1Data } | { kind: 'F2'; data: F2Data } | { kind: 'F3'; data: F3Data };

async function sourcesOf(deps: Deps, campaignId?: string): Promise<FormSources> {
  const campaign = campaignId ? await deps.store.getCampaign(campaignId) : await deps.store.latestCampaign();
  if (!campaign) fail('CAMPAIGN_NOT_FOUND');
  const [orgs, events, counters] = await Promise.all([
    deps.store.listOrgs(campaign.districtId),
    deps.store.listEvents(campaign.id),
    deps.store.readCounters(campaign.id),
  ]);
  return { campaign, orgs, events, counters };
}

/** Unit forms: the unit's staff and supervisors, the district's organizers. District forms: organizers. */
function assertMayReport(caller: Caller, campaign: Campaign, orgs: readonly Org[], kind: FormKind, orgId: string) {
  if (caller.role === 'admin') return;
  const sameDistrict = caller.districtId === campaign.districtId;
  if (kind === 'F3') {
    if (caller.role === 'organizer' && sameDistrict && orgId === campaign.districtId) return;
  } else {
    const unit = orgs.find((o) => o.id === orgId && o.kind === 'unit');
    if (!unit) fail('VALIDATION_FAILED', '请选择单位');
    if (caller.role === 'organizer' && sameDistrict) return;
    if ((caller.role === 'staff' || caller.role === 'supervisor') && sameDistrict && caller.unitIds.includes(orgId)) {
      return;
    }
  }
  fail('FORBIDDEN', '只能填报本单位（本区）的统计表');
}

function profileId(kind: FormKind, orgId: string): string {
  return `${kind}:${orgId}`;
}

/** The caller's own unit when there is exactly one; the district for F3. */
function defaultOrg(caller: Caller, campaign: Campaign, kind: FormKind): string {
  if (kind === 'F3') return campaign.districtId;
  if (caller.unitIds.length === 1) return caller.unitIds[0];
  fail('VALIDATION_FAILED', '请选择单位');
}

export async function formPreview(
  deps: Deps,
  caller: Caller,
  req: FormRequest,
): Promise<{ form: FormData; profile: FormProfile | null; orgId: string; campaignId: string }> {
  const src = await sourcesOf(deps, req.campaignId);
  const orgId = req.orgId ?? defaultOrg(caller, src.campaign, req.kind);
  assertMayReport(caller, src.campaign, src.orgs, req.kind, orgId);
  const profile = await deps.store.getFormProfile(profileId(req.kind, orgId));
  const form: FormData =
    req.kind === 'F1'
      ? { kind: 'F1', data: buildF1(src, orgId, profile) }
      : req.kind === 'F2'
        ? { kind: 'F2', data: buildF2(src, orgId, profile, req.mode ?? 'actual') }
        : { kind: 'F3', data: buildF3(src, profile) };
  return { form, profile, orgId, campaignId: src.campaign.id };
}

export async function saveFormProfile(
  deps: Deps,
  caller: Caller,
  input: {
    kind: FormKind;
    orgId: string;
    fields: Record<string, string>;
    mobilisationEventId?: string | null;
    contentOverrides?: Record<string, string>;
  },
): Promise<FormProfile> {
  const src = await sourcesOf(deps);
  assertMayReport(caller, src.campaign, src.orgs, input.kind, input.orgId);
  if (input.mobilisationEventId) {
    const event = src.events.find((e) => e.id === input.mobilisationEventId);
    if (!event || event.unitId !== input.orgId) fail('VALIDATION_FAILED', '动员会须是本单位的活动');
  }
  const previous = await deps.store.getFormProfile(profileId(input.kind, input.orgId));
  const profile: FormProfile = {
    id: profileId(input.kind, input.orgId),
    kind: input.kind,
    orgId: input.orgId,
    fields: { ...(previous?.fields ?? {}), ...input.fields },
    mobilisationEventId:
      input.mobilisationEventId === undefined ? (previous?.mobilisationEventId ?? null) : input.mobilisationEventId,
    contentOverrides: { ...(previous?.contentOverrides ?? {}), ...(input.contentOverrides ?? {}) },
    updatedAt: deps.clock.now(),
    updatedBy: caller.openid ?? '',
  };
  await deps.store.putFormProfile(profile);
  return profile;
}

const safeName = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 60) || '统计表';

export async function exportForm(deps: Deps, caller: Caller, req: FormRequest): Promise<PublishedFile> {
  const { form, orgId } = await formPreview(deps, caller, req);
  if (!deps.files) fail('STORE_UNAVAILABLE', '当前环境不支持导出文件');
  const bytes =
    form.kind === 'F1'
      ? await renderF1(form.data)
      : form.kind === 'F2'
        ? await renderF2(form.data)
        : await renderF3(form.data);
  const who = form.kind === 'F3' ? form.data.district : form.data.unitName;
  const suffix = form.kind === 'F2' ? (form.data.mode === 'plan' ? '计划' : '实到') : '';
  return deps.files.publish(`${safeName(`${form.kind}${suffix}-${who || orgId}`)}.xlsx`, bytes);
}

const METHOD_LABELS = { code: '扫码', manual: '手工', walkin: '现场登记' } as const;

/** Who checked in when, for the unit's own records: full names, masked phones. */
export async function exportAttendance(
  deps: Deps,
  caller: Caller,
  input: { eventId?: string; unitId?: string },
): Promise<PublishedFile> {
  const src = await sourcesOf(deps);
  let events: ActivityEvent[];
  let title: string;
  if (input.eventId) {
    const event = src.events.find((e) => e.id === input.eventId);
    if (!event) fail('EVENT_NOT_FOUND');
    assertMayReport(caller, src.campaign, src.orgs, 'F1', event.unitId);
    events = [event];
    title = `${event.title} 签到名单`;
  } else {
    const unitId = input.unitId ?? defaultOrg(caller, src.campaign, 'F1');
    assertMayReport(caller, src.campaign, src.orgs, 'F1', unitId);
    events = src.events.filter((e) => e.unitId === unitId).sort((a, b) => a.startAt - b.startAt);
    title = `${src.orgs.find((o) => o.id === unitId)?.name ?? unitId} 签到名单`;
  }
  if (!deps.files) fail('STORE_UNAVAILABLE', '当前环境不支持导出文件');
  const lines: AttendanceLine[] = [];
  for (const event of events) {
    const checkins = (await deps.store.listCheckinsOfEvent(event.id))
      .filter((c) => c.status === 'active')
      .sort((a, b) => a.checkedInAt - b.checkedInAt);
    for (const c of checkins) {
      const reg = c.registrationId ? await deps.store.getRegistration(c.registrationId) : null;
      lines.push({
        eventTitle: event.title,
        day: dayOf(c.checkedInAt),
        time: clockLabel(c.checkedInAt),
        name: reg?.name ?? c.name ?? '现场来宾',
        phone: reg ? maskPhone(reg.phone) : c.phone ? maskPhone(c.phone) : '',
        party: c.party,
        method: METHOD_LABELS[c.method],
        offline: c.offline,
      });
    }
  }
  return deps.files.publish(`${safeName(title)}.xlsx`, await renderAttendance(title, lines));
}

const CATEGORY_WORDS: [RegExp, Category][] = [
  [/讲座|讲堂|宣讲|报告会/, 'lecture'],
  [/培训|课堂|课程|班|教学|辅导/, 'training'],
  [/读书|阅读|书会|共读/, 'reading'],
  [/展览|展示|展出|展/, 'exhibition'],
  [/竞赛|比赛|大赛|评比/, 'contest'],
  [/论坛|研讨|沙龙|座谈/, 'forum'],
  [/观摩|参观|走进|游学/, 'visit'],
  [/开放日|开放/, 'open_day'],
  [/演出|展演|汇演|文艺/, 'performance'],
];

export function categoryOf(text: string): Category {
  return CATEGORY_WORDS.find(([words]) => words.test(text))?.[1] ?? 'other';
}

export interface ImportReport {
  created: string[];
  skipped: { row: number; reason: string }[];
  problems: ImportProblem[];
}

/** The largest schedule workbook read (a real 活动项目安排表 is a few dozen KB). */
export const MAX_IMPORT_BYTES = 512 * 1024;

/**
 * Creates events from a unit's 活动项目安排表 (submitted for review when unit staff import it).
 * Bad rows are reported with their row number and
 * nothing of them is stored; good rows become events (each one whole). Re-importing the same
 * sheet creates nothing twice: an event's id derives from the unit and the row's content.
 */
export async function importSchedule(
  deps: Deps,
  caller: Caller,
  input: { unitId: string; fileId: string },
): Promise<ImportReport> {
  const src = await sourcesOf(deps);
  assertMayReport(caller, src.campaign, src.orgs, 'F2', input.unitId);
  const unit = src.orgs.find((o) => o.id === input.unitId);
  if (!unit) fail('VALIDATION_FAILED', '请选择单位');
  const year = Number(src.campaign.weekStart.slice(0, 4));
  const bytes = caller.openid ? await deps.uploads?.read(input.fileId, caller.openid, MAX_IMPORT_BYTES) : null;
  if (!bytes) fail('VALIDATION_FAILED', '没有找到上传的文件（或文件超过 512 KB），请重新选择');
  const parsed = await parseF2(Buffer.from(bytes), { year });
  const first = src.campaign.periodStart ?? src.campaign.weekStart;
  const last = src.campaign.periodEnd ?? src.campaign.weekEnd;
  const report: ImportReport = { created: [], skipped: [], problems: [...parsed.problems] };
  for (const row of parsed.rows) {
    const day = dayOf(row.startAt);
    if (day < first || day > last) {
      report.problems.push({ row: row.row, reason: `第 ${row.row} 行：活动时间不在活动期间（${first} 至 ${last}）内` });
      continue;
    }
    const id = `imp-${createHash('sha256')
      .update([input.unitId, row.title, row.startAt, row.venue].join('|'))
      .digest('base64url')
      .slice(0, 16)}`;
    if (await deps.store.getEvent(id)) {
      report.skipped.push({ row: row.row, reason: `第 ${row.row} 行：已导入过，未重复创建` });
      continue;
    }
    const now = deps.clock.now();
    const online = /线上|直播|网课|云端|视频号/.test(`${row.venue}${row.content}`);
    await deps.store.putEvent({
      id,
      campaignId: src.campaign.id,
      districtId: src.campaign.districtId,
      unitId: unit.id,
      streetId: unit.parentId ?? src.campaign.districtId,
      title: row.title,
      content: row.content,
      venue: row.venue,
      startAt: row.startAt,
      endAt: row.endAt,
      day,
      category: categoryOf(`${row.title}${row.content}`),
      audiences: ['public'],
      mode: online ? (/线下|现场/.test(row.venue) ? 'hybrid' : 'online') : 'offline',
      free: true,
      venueRole: null,
      maxCompanions: 2,
      entered: null,
      // Organizers publish directly; a unit's imported schedule goes to review like any event.
      status: caller.role === 'organizer' || caller.role === 'admin' ? 'approved' : 'submitted',
      capacity: row.participants,
      seatsTaken: 0,
      waitingCount: 0,
      checkedIn: 0,
      walkIns: 0,
      createdAt: now,
      updatedAt: now,
    });
    report.created.push(id);
  }
  if (report.created.length) await touch(deps, src.campaign.id);
  report.problems.sort((a, b) => a.row - b.row);
  return report;
}
