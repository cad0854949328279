/** How a scan's result reads on its card: colour, mark and lines. Pure. */
import type { RosterEntry, ScanResult } from '../../types/api';
import type { ScanOutcome } from '../../types/domain';
import { SCAN_MESSAGES } from '@backend/core/checkin';
import { clockLabel, dayLabel, dayOf } from '@backend/core/time';

export type CardTone = 'ok' | 'warn' | 'bad';

export function toneOf(outcome: ScanOutcome): CardTone {
  if (outcome === 'checked_in') return 'ok';
  if (outcome === 'already_checked_in') return 'warn';
  return 'bad';
}

const MARKS: Record<CardTone, string> = { ok: '✓', warn: '!', bad: '✕' };

export interface CardView {
  tone: CardTone;
  mark: string;
  title: string;
  name: string | null;
  lines: string[];
}

/** 09:30, or 11月14日 09:30 when not today. */
export function whenLabel(ms: number, now: number): string {
  return dayOf(ms) === dayOf(now) ? clockLabel(ms) : `${dayLabel(dayOf(ms))} ${clockLabel(ms)}`;
}

export function cardOf(result: ScanResult, now: number): CardView {
  const tone = toneOf(result.outcome);
  const lines: string[] = [];
  const a = result.attendee;
  if (a && result.outcome === 'checked_in') lines.push(`同行 ${a.companions} 人（共 ${a.party} 人）`);
  if (result.outcome === 'already_checked_in' && result.firstCheckedInAt !== null) {
    lines.push(`首次签到时间：${whenLabel(result.firstCheckedInAt, now)}`);
  }
  if (result.conflict) lines.push('与其他设备的签到重复，已标记待核查');
  return {
    tone,
    mark: MARKS[tone],
    title: result.message || SCAN_MESSAGES[result.outcome],
    name: a?.name ?? null,
    lines,
  };
}

/** The status line of a roster entry: 已签到 09:30 / 未签到 / 候补 / 已取消. */
export function rosterStatus(
  entry: Pick<RosterEntry, 'status' | 'checkedInAt'>,
  acceptedOfflineAt: number | undefined,
  now: number,
): { text: string; tone: 'ok' | 'wait' | 'muted' | 'info'; checkedIn: boolean } {
  if (entry.status === 'cancelled') return { text: '已取消', tone: 'muted', checkedIn: false };
  if (entry.status === 'waitlisted') return { text: '候补', tone: 'wait', checkedIn: false };
  if (entry.checkedInAt !== null)
    return { text: `已签到 ${whenLabel(entry.checkedInAt, now)}`, tone: 'ok', checkedIn: true };
  if (acceptedOfflineAt !== undefined) {
    return { text: `已签到 ${whenLabel(acceptedOfflineAt, now)}（待同步）`, tone: 'ok', checkedIn: true };
  }
  return { text: '未签到', tone: 'info', checkedIn: false };
}
