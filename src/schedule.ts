/**
 * 我的日程: a resident's sign-ups arranged by day. Pure, so the page and its tests share it.
 * Cancelled sign-ups are left out (they are not plans); an activity over several days is listed
 * on each of its days (Asia/Shanghai), with the part of it that falls on that day.
 */
import type { Day } from '../types/domain';
import type { EventView, RegistrationView } from '../types/api';
import { at, clockLabel, dayOf, daysBetween } from '@backend/core/time';

export interface ScheduleItem {
  registration: RegistrationView;
  event: EventView;
}

export interface ScheduleEntry extends ScheduleItem {
  /** 09:00—11:00 on that day; on a day it does not start or end, 00:00 or 24:00 stands for it. */
  time: string;
  /** Which day of a multi-day activity this is (1-based), and how many days it has. */
  part: number;
  parts: number;
}

export interface ScheduleDay {
  day: Day;
  entries: ScheduleEntry[];
}

/** The activity's time on one of its days: the start (or 00:00) to the end (or 24:00). */
function timeOnDay(event: EventView, day: Day): string {
  const dayStart = at(day);
  const dayEnd = dayStart + 24 * 60 * 60 * 1000;
  const from = event.startAt > dayStart ? clockLabel(event.startAt) : '00:00';
  const to = event.endAt < dayEnd ? clockLabel(event.endAt) : '24:00';
  return `${from}—${to}`;
}

export function scheduleByDay(items: readonly ScheduleItem[]): ScheduleDay[] {
  const byDay = new Map<Day, ScheduleEntry[]>();
  for (const item of items) {
    if (item.registration.status === 'cancelled') continue;
    const { event } = item;
    // An activity ending exactly at midnight does not reach into the next day.
    const days = daysBetween(dayOf(event.startAt), dayOf(Math.max(event.startAt, event.endAt - 1)));
    days.forEach((day, index) => {
      const list = byDay.get(day) ?? [];
      list.push({ ...item, time: timeOnDay(event, day), part: index + 1, parts: days.length });
      byDay.set(day, list);
    });
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, entries]) => ({
      day,
      entries: entries.sort(
        (a, b) =>
          Math.max(a.event.startAt, at(day)) - Math.max(b.event.startAt, at(day)) ||
          a.event.id.localeCompare(b.event.id),
      ),
    }));
}
