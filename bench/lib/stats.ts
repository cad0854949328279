/** Small numeric helpers of the benchmark: percentiles, medians, rounding, a seeded PRNG. */

import { mulberry32 } from '../../backend/core/prng';

/** Nearest-rank percentile (p in 0–100) of unsorted samples; NaN without samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Rounds to `digits` decimals (figures are reported, not computed further). */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Milliseconds since `start` (a performance.now() reading). */
export function since(start: number): number {
  return performance.now() - start;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so runs generate the same data. */
export const prng = mulberry32;

/** Fisher–Yates, in place. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['秀英', '桂英', '建国', '志强', '红梅', '海燕', '玉兰', '国庆', '丽华', '文斌', '晓东', '春花'];

/** A plausible Chinese name for the n-th generated person (letters only, as the schema wants). */
export function personName(n: number): string {
  return `${SURNAMES[n % SURNAMES.length]}${GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]}`;
}

/** An 11-digit mobile number for the n-th generated person of a series (prefix 13x–19x). */
export function personPhone(prefix: '137' | '138' | '139', n: number): string {
  return `${prefix}${String(n).padStart(8, '0')}`;
}
