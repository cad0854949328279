/**
 * Statistics forms as files: export as .xlsx like the paper, raw attendance export, and import
 * of 活动项目安排表 sheets. These need exceljs, so they run in the `exports` cloud function (60 s
 * timeout, its own bundle); forms.ts keeps what the organizer function runs (preview, profiles).
 */
import { createHash } from 'node:crypto';
import type { ActivityEvent, Category } from '../../types/domain';
import type { AttendanceLine, ImportProblem } from '../../types/forms';
import { fail } from '../core/errors';
import { maskName, maskPhone } from '../core/registration';
import { exportShowsFullNames } from '../core/privacy';
import { clockLabel, dayOf } from '../core/time';
import { answersLine } from '../core/signup-questions';
import { renderAttendance } from '../forms/workbook-attendance';
import { renderF1 } from '../forms/workbook-f1';
import { renderF2 } from '../forms/workbook-f2';
import { renderF3 } from '../forms/workbook-f3';
import { parseF2 } from '../forms/import-f2';
import type { PublishedFile } from '../store/files';
import type { Caller, Deps } from './context';
import { assertMayReport, defaultOrg, formPreview, sourcesOf, type FormRequest } from './forms';
import { touch } from './summary';
import { newEventCounters } from '../core/setup';

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

const METHOD_LABELS = { code: '扫码', manual: '手工', walkin: '现场登记', self: '自助签到' } as const;

/** Who checked in when: masked phones; full names only for the unit's own staff (core/privacy.ts). */
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
      const name = reg?.name ?? c.name ?? '现场来宾';
      const fullNames = exportShowsFullNames(caller, event.unitId);
      lines.push({
        eventTitle: event.title,
        day: dayOf(c.checkedInAt),
        time: clockLabel(c.checkedInAt),
        name: fullNames ? name : maskName(name),
        phone: reg ? maskPhone(reg.phone) : c.phone ? maskPhone(c.phone) : '',
        party: c.party,
        method: METHOD_LABELS[c.method],
        offline: c.offline,
        answers: answersLine(event.questions, reg ? reg.answers : c.answers, fullNames),
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
  if (!bytes) fail('UPLOAD_NOT_FOUND', '没有找到上传的文件（或文件超过 512 KB），请重新选择');
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
      ...newEventCounters(now),
    });
    report.created.push(id);
  }
  if (report.created.length) await touch(deps, src.campaign.id);
  report.problems.sort((a, b) => a.row - b.row);
  return report;
}
