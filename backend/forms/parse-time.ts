/**
 * 活动时间 as people really type it into an 活动项目安排表, read as Asia/Shanghai wall-clock time:
 * '11月15日 9:00-11:00', '2020-11-15 14:00—16:00', '2020/11/15 14:00', '11月15日（周日）下午',
 * '11月15日' (the whole day), or a real Excel date cell.
 */
import { at } from '../core/time';

export interface Span {
  startAt: number;
  endAt: number;
}

/** Half-day words with the span they stand for when no clock time is given. */
const PRESETS: Record<string, [string, string]> = {
  上午: ['09:00', '11:30'],
  下午: ['14:00', '16:30'],
  晚上: ['19:00', '21:00'],
  晚间: ['19:00', '21:00'],
  全天: ['09:00', '17:00'],
};
const WHOLE_DAY: [string, string] = ['09:00', '17:00'];
/** A start time alone is read as a two-hour activity. */
const DEFAULT_LENGTH_MS = 2 * 60 * 60 * 1000;

const PERIOD = '(上午|早上|下午|中午|晚上|晚间|全天)';
const CLOCK = '(\\d{1,2})(?::(\\d{2})(?::\\d{2})?|[点时](?:(半)|(\\d{1,2})分?)?)';
const TIME_PART = new RegExp(`^${PERIOD}?(?:${CLOCK}(?:-${PERIOD}?${CLOCK})?)?$`);

const DATES: { re: RegExp; year: number | null; month: number; day: number }[] = [
  { re: /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*[日号])?/, year: 1, month: 2, day: 3 },
  { re: /(\d{1,2})\s*月\s*(\d{1,2})(?:\s*[日号])?/, year: null, month: 1, day: 2 },
  { re: /(?<![\d:])(\d{1,2})\/(\d{1,2})(?![\d:])/, year: null, month: 1, day: 2 },
];
const WEEKDAY = /[(（]?\s*(?:周|星期|礼拜)[一二三四五六日天]\s*[)）]?/g;

/** Full-width letters, digits and punctuation to ASCII; every dash, tilde, 至 and 到 to '-'. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[-‐‑‒–—―−~〜至到]+/g, '-')
    .trim();
}

const pad = (n: number): string => String(n).padStart(2, '0');

function dayString(year: number, month: number, day: number): string | null {
  const text = `${year}-${pad(month)}-${pad(day)}`;
  try {
    at(text, '00:00');
    return text;
  } catch {
    return null;
  }
}

function clock(hour: string, colonMinutes?: string, half?: string, minutes?: string): [number, number] {
  const m = colonMinutes ?? minutes;
  return [Number(hour), half ? 30 : m ? Number(m) : 0];
}

/** 下午 3:00 is 15:00; 中午 1 点 is 13:00; 上午 and 早上 leave the clock as it is. */
function withPeriod([hour, minute]: [number, number], period: string | undefined): [number, number] {
  if (!period) return [hour, minute];
  if (['下午', '晚上', '晚间'].includes(period) && hour < 12) return [hour + 12, minute];
  if (period === '中午' && hour <= 5) return [hour + 12, minute];
  return [hour, minute];
}

function moment(day: string, [hour, minute]: [number, number]): number | null {
  if (hour > 23 || minute > 59) return null;
  return at(day, `${pad(hour)}:${pad(minute)}`);
}

/** A span for the day; null when the time part is not understood. */
function spanOnDay(day: string, timePart: string): Span | null {
  const m = TIME_PART.exec(timePart);
  if (!m) return null;
  const [, period1, h1, m1, half1, mm1, period2, h2, m2, half2, mm2] = m;
  if (!h1) {
    const [start, end] = period1 ? (PRESETS[period1] ?? []) : WHOLE_DAY;
    return start && end ? { startAt: at(day, start), endAt: at(day, end) } : null;
  }
  const startAt = moment(day, withPeriod(clock(h1, m1, half1, mm1), period1));
  if (startAt === null) return null;
  if (!h2) return { startAt, endAt: startAt + DEFAULT_LENGTH_MS };
  const endAt = moment(day, withPeriod(clock(h2, m2, half2, mm2), period2 ?? period1));
  return endAt === null ? null : { startAt, endAt };
}

/** An Excel date cell: exceljs gives the typed wall-clock time as the UTC fields of a Date. */
function fromExcelDate(date: Date): Span | null {
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1900) return null;
  const day = dayString(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  if (!day) return null;
  const hour = date.getUTCHours();
  const minute = date.getUTCMinutes();
  if (hour === 0 && minute === 0) return { startAt: at(day, WHOLE_DAY[0]), endAt: at(day, WHOLE_DAY[1]) };
  const startAt = at(day, `${pad(hour)}:${pad(minute)}`);
  return { startAt, endAt: startAt + DEFAULT_LENGTH_MS };
}

/**
 * Reads an 活动时间 cell: text or a Date, year from `year` when the text has none.
 * Returns null when it is not understood; the end may still be before the start (the caller says so).
 */
export function parseActivityTime(value: string | Date, year: number): Span | null {
  if (value instanceof Date) return fromExcelDate(value);
  let text = normalizeText(value);
  for (const { re, year: y, month, day } of DATES) {
    const m = re.exec(text);
    if (!m) continue;
    const date = dayString(y === null ? year : Number(m[y]), Number(m[month]), Number(m[day]));
    if (!date) return null;
    text = text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length);
    // An end on another day: '11月15日 09:00-11月17日 17:00' (a multi-day activity) or '-次日01:00'.
    let extraDays = 0;
    const end = DATES[1].re.exec(text);
    if (end) {
      const endDate = dayString(year, Number(end[1]), Number(end[2]));
      if (!endDate) return null;
      extraDays = Math.round((at(endDate) - at(date)) / 86_400_000);
      text = text.slice(0, end.index) + ' ' + text.slice(end.index + end[0].length);
    }
    if (text.includes('次日')) {
      extraDays += 1;
      text = text.replace('次日', ' ');
    }
    const timePart = text.replace(WEEKDAY, ' ').replace(/[\s,，、;；]+/g, '');
    const span = spanOnDay(date, timePart);
    return span && extraDays ? { startAt: span.startAt, endAt: span.endAt + extraDays * 86_400_000 } : span;
  }
  return null;
}

/** How a Date cell is shown back in a problem report. */
export function showDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return String(date);
  const d = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  return `${d} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}
