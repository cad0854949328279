/** The benchmark's scenarios, and what each figure is held against (the run's table and the README's). */
import type { Figures } from './report';

export const HTTP_SCENARIOS = ['signup', 'checkin', 'offline_sync', 'live'] as const;
export const SCENARIOS = [...HTTP_SCENARIOS, 'forms', 'cloud_ops', 'package'] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** What each figure is held against: `kind` 'must' is correctness, 'target' is speed or size. */
export type Check = { kind: 'must' | 'target'; op: '=' | '≤' | '≥'; value: number | string };
export const CHECKS: Record<string, Check> = {
  'signup.confirmed': { kind: 'must', op: '=', value: 200 },
  'signup.overbooked': { kind: 'must', op: '=', value: 0 },
  'signup.p99_ms': { kind: 'target', op: '≤', value: 250 },
  'signup.ratio_to_noop': { kind: 'target', op: '≥', value: 0.3 },
  'checkin.counted': { kind: 'must', op: '=', value: 'checkin.distinct_valid' },
  'checkin.forged_accepted': { kind: 'must', op: '=', value: 0 },
  'checkin.ratio_to_noop': { kind: 'target', op: '≥', value: 0.3 },
  'offline_sync.replay_changed': { kind: 'must', op: '=', value: 0 },
  'offline_sync.replay_answers_differ': { kind: 'must', op: '=', value: 0 },
  'live.p95_ms': { kind: 'target', op: '≤', value: 1_000 },
  'live.missed': { kind: 'must', op: '=', value: 0 },
  'forms.ms': { kind: 'target', op: '≤', value: 300 },
  'cloud_ops.signup_round_trips': { kind: 'target', op: '≤', value: 3 },
  'cloud_ops.checkin_round_trips': { kind: 'target', op: '≤', value: 3 },
  'cloud_ops.dashboard_round_trips': { kind: 'target', op: '≤', value: 2 },
  'cloud_latency.checkin_p50_ms': { kind: 'target', op: '≤', value: 80 },
  'package.weapp_main_kb': { kind: 'target', op: '≤', value: 1_024 },
  'package.function_resident_kb': { kind: 'target', op: '≤', value: 300 },
  'package.function_staff_kb': { kind: 'target', op: '≤', value: 300 },
};

export function holds(check: Check, value: number, figures: Figures): boolean {
  const wanted = typeof check.value === 'string' ? figures[check.value] : check.value;
  if (check.op === '=') return value === wanted;
  if (check.op === '≤') return value <= wanted;
  return value >= wanted;
}
