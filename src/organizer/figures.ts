/** How the dashboard's figures read on screen: pure functions over the contract's views. */
import type { DashboardEventRow, DashboardFigures } from '../../types/api';
import type { Day } from '../../types/domain';
import { clockLabel, dayLabel, shanghai, weekdayLabel } from '@backend/core/time';

/** 0.923 → 92.3% */
export function percentText(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** 群众满意度 in a table cell: 92.3%, or — without ratings. */
export function satisfactionCell(f: DashboardFigures): string {
  return f.satisfaction.rate === null ? '—' : percentText(f.satisfaction.rate);
}

export function countText(n: number | null): string {
  return n === null ? '—' : n.toLocaleString('zh-CN');
}

/** HH:mm:ss in Asia/Shanghai, for 「更新于」. */
export function clockWithSeconds(ms: number): string {
  return shanghai(ms).format('HH:mm:ss');
}

/** 11月14日 09:00–11:00 */
export function eventTimeText(row: Pick<DashboardEventRow, 'day' | 'startAt' | 'endAt'>): string {
  return `${dayLabel(row.day)} ${clockLabel(row.startAt)}–${clockLabel(row.endAt)}`;
}

/** A day bar's label: 14日 on one line, the weekday (or 今天) under it. */
export function dayAxisLabel(day: Day, today: Day): string {
  return `${Number(day.slice(8, 10))}日\n${day === today ? '今天' : weekdayLabel(day)}`;
}

/** 0时 … 23时 */
export const HOUR_LABELS: string[] = Array.from({ length: 24 }, (_, h) => `${h}时`);

/** The busiest hour, in words, for the chart's text summary. */
export function peakHourText(hourly: readonly number[]): string {
  const total = hourly.reduce((a, b) => a + b, 0);
  if (total === 0) return '今天还没有人到场';
  const peak = Math.max(...hourly);
  const hour = hourly.indexOf(peak);
  return `今天共到场 ${total} 人次，${hour}时最多（${peak} 人次）`;
}

/** Entered figures belong to online activities (and hybrid ones, for their online part). */
export function acceptsEnteredFigure(row: Pick<DashboardEventRow, 'mode'>): boolean {
  return row.mode === 'online' || row.mode === 'hybrid';
}
