/**
 * A satisfaction figure that can be trusted (seed 002, 附件3: "随机抽样的满意度达80%以上"):
 * a stratified random sample of attendees, drawn reproducibly, and its result with a 95 %
 * confidence interval. Pure: the use case (usecases/sampling.ts) supplies the sampling frame
 * and the ratings.
 *
 * - Frame: the attendees who can be asked, i.e. active check-ins on a registration held by a
 *   WeChat identity, one unit per registration; strata are the activities.
 * - Size: for a margin of error e at 95 % (z = 1.96) with the most cautious p = 0.5,
 *   n0 = z²·p(1−p)/e², corrected for the finite population N: n = ⌈n0 / (1 + (n0 − 1)/N)⌉.
 * - Allocation: proportional to the stratum sizes, rounded by largest remainder (ties by key),
 *   never more than a stratum holds.
 * - Draw: per stratum in key order, a partial Fisher–Yates shuffle of the stratum's ids (sorted)
 *   driven by one mulberry32 sequence from the stored seed: the same seed and frame draw the
 *   same list.
 * - Result: satisfied = ratings of 4–5 among the sampled who answered; the rate with the Wilson
 *   score interval (better than the normal approximation for small n and rates near 1).
 */
import type { Interval, SampleResult } from '../../types/awards';
import { mulberry32 } from './prng';

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

/** The largest margin of error the organizer may state (±20 points), and the smallest (±1 point). */
export const MARGIN_RANGE = { min: 0.01, max: 0.2 } as const;

/** Sample size for margin `margin` (0–1) at 95 % with finite population correction. */
export function sampleSize(population: number, margin: number, z: number = Z95): number {
  if (population <= 0) return 0;
  const n0 = (z * z * 0.25) / (margin * margin);
  return Math.min(population, Math.ceil(n0 / (1 + (n0 - 1) / population)));
}

export interface Stratum {
  key: string;
  /** The units of the stratum (registration ids). */
  ids: readonly string[];
}

export interface Allocation {
  key: string;
  population: number;
  allocated: number;
}

/** Proportional allocation of `n` over the strata, by largest remainder. */
export function allocate(strata: readonly { key: string; population: number }[], n: number): Allocation[] {
  const sorted = [...strata].sort((a, b) => a.key.localeCompare(b.key));
  const total = sorted.reduce((s, x) => s + x.population, 0);
  const wanted = Math.min(n, total);
  if (total === 0) return sorted.map((s) => ({ key: s.key, population: s.population, allocated: 0 }));
  const shares = sorted.map((s) => (wanted * s.population) / total);
  const result = sorted.map((s, i) => ({ key: s.key, population: s.population, allocated: Math.floor(shares[i]) }));
  let left = wanted - result.reduce((s, x) => s + x.allocated, 0);
  const order = sorted
    .map((s, i) => ({ i, remainder: shares[i] - Math.floor(shares[i]) }))
    .sort((a, b) => b.remainder - a.remainder || sorted[a.i].key.localeCompare(sorted[b.i].key));
  for (const { i } of order) {
    if (left === 0) break;
    if (result[i].allocated < result[i].population) {
      result[i].allocated += 1;
      left -= 1;
    }
  }
  return result;
}

export interface Draw {
  allocation: Allocation[];
  /** Drawn ids, stratum by stratum in key order. */
  drawn: string[];
}

/** Draws `n` ids from the strata, reproducibly from `seed`. */
export function drawStratified(strata: readonly Stratum[], n: number, seed: number): Draw {
  const allocation = allocate(
    strata.map((s) => ({ key: s.key, population: new Set(s.ids).size })),
    n,
  );
  const byKey = new Map(strata.map((s) => [s.key, [...new Set(s.ids)].sort()]));
  const random = mulberry32(seed);
  const drawn: string[] = [];
  for (const a of allocation) {
    const ids = byKey.get(a.key) ?? [];
    for (let i = 0; i < a.allocated; i += 1) {
      const j = i + Math.floor(random() * (ids.length - i));
      [ids[i], ids[j]] = [ids[j], ids[i]];
      drawn.push(ids[i]);
    }
  }
  return { allocation, drawn };
}

/** Wilson score interval for `successes` of `n` (null for n = 0). */
export function wilson(successes: number, n: number, z: number = Z95): Interval | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** The sample's result from the scores of those who answered (a missing score: no answer). */
export function sampleResult(drawn: readonly string[], scoreOf: (id: string) => number | null): SampleResult {
  const scores = drawn.map(scoreOf).filter((s): s is number => s !== null);
  const satisfied = scores.filter((s) => s >= 4).length;
  return {
    sampleSize: drawn.length,
    responses: scores.length,
    responseRate: drawn.length ? scores.length / drawn.length : null,
    satisfied,
    rate: scores.length ? satisfied / scores.length : null,
    interval: wilson(satisfied, scores.length),
  };
}
