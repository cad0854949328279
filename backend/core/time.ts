/**
 * Calendar time in Asia/Shanghai, whatever time zone the process runs in.
 * China has used a fixed UTC+8 offset without daylight saving since 1991, so a fixed
 * offset is exact and needs no time-zone database (the mini-program's JS engine may lack one).
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import type { Day } from '../../types/domain';

dayjs.extend(utc);

export const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** The moment `ms`, seen on a wall clock in Asia/Shanghai. */
export function shanghai(ms: number): dayjs.Dayjs {
  return dayjs(ms).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

const DAY_MS = 24 * 60 * 60_000;
/** Bounds the memories below (a long-running server sees few distinct days anyway). */
const MEMORY = 10_000;

function remember<K, V>(memory: Map<K, V>, key: K, compute: () => V): V {
  let value = memory.get(key);
  if (value === undefined) {
    value = compute();
    if (memory.size >= MEMORY) memory.clear();
    memory.set(key, value);
  }
  return value;
}

/** Calendar days already named, by the number of the Shanghai day (the forms ask for thousands). */
const dayNames = new Map<number, Day>();
/** Wall-clock labels already written, by the minute of the Shanghai day. */
const clocks = new Map<number, string>();

/** The Asia/Shanghai calendar day of a moment. */
export function dayOf(ms: number): Day {
  const index = Math.floor((ms + SHANGHAI_OFFSET_MINUTES * 60_000) / DAY_MS);
  return remember(dayNames, index, () => shanghai(ms).format('YYYY-MM-DD'));
}

/** The Asia/Shanghai hour (0–23) of a moment: arithmetic on the fixed offset, like `dayOf`'s day number. */
export function hourOf(ms: number): number {
  const shifted = ms + SHANGHAI_OFFSET_MINUTES * 60_000;
  return Math.floor((shifted - Math.floor(shifted / DAY_MS) * DAY_MS) / 3_600_000);
}

/** Epoch ms of a wall-clock time in Asia/Shanghai, e.g. at('2020-11-14', '09:30'). */
export function at(day: Day, hhmm = '00:00'): number {
  const parsed = dayjs.utc(`${day}T${hhmm}:00`);
  if (!parsed.isValid() || parsed.format('YYYY-MM-DD HH:mm') !== `${day} ${hhmm}`) {
    throw new RangeError(`Not a Shanghai wall-clock time: ${day} ${hhmm}`);
  }
  return parsed.valueOf() - SHANGHAI_OFFSET_MINUTES * 60_000;
}

/** True for a real calendar day written 'YYYY-MM-DD' (2027-02-29 and 2027-13-45 are not). */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = dayjs.utc(text);
  return parsed.isValid() && parsed.format('YYYY-MM-DD') === text;
}

const spans = new Map<string, readonly Day[]>();

/** Every day from `start` to `end`, inclusive. */
export function daysBetween(start: Day, end: Day): Day[] {
  return [...remember(spans, `${start}|${end}`, () => countDays(start, end))];
}

function countDays(start: Day, end: Day): Day[] {
  const days: Day[] = [];
  let cursor = dayjs.utc(start);
  const last = dayjs.utc(end);
  while (!cursor.isAfter(last) && days.length < 400) {
    days.push(cursor.format('YYYY-MM-DD'));
    cursor = cursor.add(1, 'day');
  }
  return days;
}

/** Adds whole days to a calendar day. */
export function addDays(day: Day, n: number): Day {
  return dayjs.utc(day).add(n, 'day').format('YYYY-MM-DD');
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** 11月14日 */
export function dayLabel(day: Day): string {
  const d = dayjs.utc(day);
  return `${d.month() + 1}月${d.date()}日`;
}

/** 周六 */
export function weekdayLabel(day: Day): string {
  return WEEKDAYS[dayjs.utc(day).day()];
}

/** 09:30 */
export function clockLabel(ms: number): string {
  const minute = Math.floor((((ms + SHANGHAI_OFFSET_MINUTES * 60_000) % DAY_MS) + DAY_MS) / 60_000) % 1440;
  return remember(clocks, minute, () => shanghai(ms).format('HH:mm'));
}

/** 11月14日 周六 09:30–11:00 */
export function spanLabel(startAt: number, endAt: number): string {
  const day = dayOf(startAt);
  const sameDay = dayOf(endAt) === day;
  const end = sameDay ? clockLabel(endAt) : `${dayLabel(dayOf(endAt))} ${clockLabel(endAt)}`;
  return `${dayLabel(day)} ${weekdayLabel(day)} ${clockLabel(startAt)}–${end}`;
}

/** The clock is a port so that rules about "now" are tested deterministically. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
