/**
 * The README's performance table, rendered from a bench/results.json (bench/readme.ts writes it
 * between the markers `<!-- bench:begin -->` and `<!-- bench:end -->`).
 */
import { CHECKS, holds } from './checks';

export interface BenchFile {
  meta: { date: string; cpus: number; node: string; loadAverage: [number, number]; scenarios: string[] };
  [key: string]: unknown;
}

/** One row: what it says, and the figures it shows (joined by ' / '). */
const ROWS: [string, string[]][] = [
  ['sign-up: confirmed / overbooked (2,000 residents, 200 seats)', ['signup.confirmed', 'signup.overbooked']],
  ['sign-up per second / p50 ms / p99 ms', ['signup.per_s', 'signup.p50_ms', 'signup.p99_ms']],
  ['sign-up ratio to a no-op call / no-op per second', ['signup.ratio_to_noop', 'signup.noop_per_s']],
  [
    'check-in: counted / distinct valid codes / forged accepted',
    ['checkin.counted', 'checkin.distinct_valid', 'checkin.forged_accepted'],
  ],
  ['check-in per second / p50 ms / p99 ms (5,000 scans)', ['checkin.per_s', 'checkin.p50_ms', 'checkin.p99_ms']],
  ['check-in ratio to a no-op call / no-op per second', ['checkin.ratio_to_noop', 'checkin.noop_per_s']],
  [
    "server CPU µs per call: sign-up / its no-op / the no-op's share",
    ['signup.server_cpu_us', 'signup.noop_server_cpu_us', 'signup.cpu_ratio_to_noop'],
  ],
  [
    "server CPU µs per call: check-in / its no-op / the no-op's share",
    ['checkin.server_cpu_us', 'checkin.noop_server_cpu_us', 'checkin.cpu_ratio_to_noop'],
  ],
  [
    'offline sync of 1,000 scans ms / replay changed / answers differ',
    ['offline_sync.ms', 'offline_sync.replay_changed', 'offline_sync.replay_answers_differ'],
  ],
  ['live push after a check-in p50 / p95 ms / missed', ['live.p50_ms', 'live.p95_ms', 'live.missed']],
  ['forms: every unit F1 + F3, 1,000 events / 200,000 check-ins ms; half size', ['forms.ms', 'forms.ms_half_size']],
  [
    'forms: city roll-up, 10 districts / 10,000 events / 2,000,000 check-ins ms; half size',
    ['forms.city_ms', 'forms.city_ms_half_size'],
  ],
  [
    'CloudBase sequential round trips: sign-up / check-in / dashboard',
    ['cloud_ops.signup_round_trips', 'cloud_ops.checkin_round_trips', 'cloud_ops.dashboard_round_trips'],
  ],
  [
    'CloudBase p50 ms at 20 ms per request: sign-up / check-in / dashboard',
    ['cloud_latency.signup_p50_ms', 'cloud_latency.checkin_p50_ms', 'cloud_latency.dashboard_p50_ms'],
  ],
  ['CloudBase reconcile of the demo week: round trips', ['reconcile.round_trips_demo_week']],
  ['weapp main package / total KB', ['package.weapp_main_kb', 'package.weapp_total_kb']],
  [
    'function bundles KB: resident / staff / organizer / exports / reminders / reconcile',
    [
      'package.function_resident_kb',
      'package.function_staff_kb',
      'package.function_organizer_kb',
      'package.function_exports_kb',
      'package.function_reminders_kb',
      'package.function_reconcile_kb',
    ],
  ],
];

const number = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : String(n));

/** The README block for one results file: a line on the run, then the table. */
export function renderTable(results: BenchFile): string {
  const figures = Object.fromEntries(
    Object.entries(results).filter((e): e is [string, number] => typeof e[1] === 'number'),
  );
  const lines = [
    `Last full run: ${results.meta.date.slice(0, 16).replace('T', ' ')} UTC, ${results.meta.cpus} CPUs, ` +
      `Node ${results.meta.node}, load average ${results.meta.loadAverage[0]} → ${results.meta.loadAverage[1]}.`,
    '',
    '| Figure | Measured | Target |',
    '| --- | --- | --- |',
  ];
  for (const [label, keys] of ROWS) {
    const shown = keys.map((k) => (k in figures ? number(figures[k]) : '—')).join(' / ');
    const targets = keys.flatMap((k) => {
      const check = CHECKS[k];
      if (!check || !(k in figures)) return [];
      const wanted = typeof check.value === 'string' ? 'equal' : `${check.op} ${number(check.value)}`;
      return [`${wanted} ${holds(check, figures[k], figures) ? '✓' : '✗'}`];
    });
    lines.push(`| ${label} | ${shown} | ${targets.join(' / ') || '—'} |`);
  }
  return lines.join('\n');
}

const BEGIN = '<!-- bench:begin -->';
const END = '<!-- bench:end -->';

/** The README with its block replaced; throws when the markers are missing. */
export function replaceBlock(readme: string, block: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${BEGIN} … ${END} block`);
  return `${readme.slice(0, start + BEGIN.length)}\n${block}\n${readme.slice(end)}`;
}
