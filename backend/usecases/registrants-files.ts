/**
 * Before the event: everyone signed up as a workbook (exceljs), run by the `exports` function so
 * that the organizer function never bundles exceljs. Names full only where the role needs them
 * (core/privacy.ts); phones always masked.
 */
import type { Registration } from '../../types/domain';
import { fail } from '../core/errors';
import { exportShowsFullNames } from '../core/privacy';
import { maskName, maskPhone } from '../core/registration';
import { answerCells } from '../core/signup-questions';
import { clockLabel, dayLabel, dayOf } from '../core/time';
import { renderRegistrants, type RegistrantLine } from '../forms/workbook-registrants';
import { fileSafe } from '../forms/workbook-list';
import type { PublishedFile } from '../store/files';
import { audit } from './audit';
import type { Caller, Deps } from './context';
import { eventOfUnit, signedUp } from './registrants';

export async function exportRegistrants(deps: Deps, caller: Caller, eventId: string): Promise<PublishedFile> {
  const event = await eventOfUnit(deps, caller, eventId);
  if (!deps.files) fail('STORE_UNAVAILABLE', '当前环境不支持导出文件');
  const [{ confirmed, waitlisted }, checkins] = await Promise.all([
    signedUp(deps, event.id),
    deps.store.listCheckinsOfEvent(event.id),
  ]);
  const checked = new Map(checkins.filter((c) => c.status === 'active').map((c) => [c.registrationId, c.method]));
  const fullNames = exportShowsFullNames(caller, event.unitId);
  const line = (r: Registration, status: string): RegistrantLine => ({
    name: fullNames ? r.name : maskName(r.name),
    phone: maskPhone(r.phone),
    companions: r.companions,
    party: r.party,
    status,
    source: r.source === 'staff' ? '工作人员代报' : '本人报名',
    signedUpAt: `${dayLabel(dayOf(r.createdAt))} ${clockLabel(r.createdAt)}`,
    checkedIn: checked.has(r.id) ? (checked.get(r.id) === 'self' ? '自助签到' : '已签到') : '',
    answers: answerCells(event.questions, r.answers, fullNames),
  });
  const lines = [...confirmed.map((r) => line(r, '已报名')), ...waitlisted.map((r, i) => line(r, `候补第${i + 1}位`))];
  const title = `${event.title} 报名名单（${dayLabel(event.day)}）`;
  await audit(deps, caller, event.districtId, 'registrants.export', event.title, `导出报名名单 ${lines.length} 条`);
  return deps.files.publish(
    `${fileSafe(`${event.title}-报名名单`)}.xlsx`,
    await renderRegistrants(
      title,
      lines,
      (event.questions ?? []).map((q) => q.label),
    ),
  );
}
