/**
 * The README's performance table comes from bench/results.json (bench/readme.ts): figures as
 * measured, each target from the bench's own checks with ✓ or ✗, and the rest of the README kept.
 */
import { type BenchFile, renderTable, replaceBlock } from '../../bench/lib/readme-table';

const results: BenchFile = {
  'signup.confirmed': 200,
  'signup.overbooked': 0,
  'signup.per_s': 2481,
  'signup.p50_ms': 20.5,
  'signup.p99_ms': 310,
  'signup.ratio_to_noop': 0.31,
  'signup.noop_per_s': 8003,
  'checkin.counted': 1999,
  'checkin.distinct_valid': 2000,
  'checkin.forged_accepted': 0,
  meta: { date: '2026-12-02T01:30:12.000Z', cpus: 2, node: 'v20.20.2', loadAverage: [0.4, 1.9], scenarios: ['signup'] },
};

describe('the README performance table', () => {
  const table = renderTable(results).split('\n');

  it('says when and where the figures were measured', () => {
    expect(table[0]).toBe('Last full run: 2026-12-02 01:30 UTC, 2 CPUs, Node v20.20.2, load average 0.4 → 1.9.');
  });

  it('shows each figure as measured, with its target held against it', () => {
    expect(table).toContain(
      '| sign-up: confirmed / overbooked (2,000 residents, 200 seats) | 200 / 0 | = 200 ✓ / = 0 ✓ |',
    );
    expect(table).toContain('| sign-up per second / p50 ms / p99 ms | 2,481 / 20.5 / 310 | ≤ 250 ✗ |');
    expect(table).toContain('| sign-up ratio to a no-op call / no-op per second | 0.31 / 8,003 | ≥ 0.3 ✓ |');
    // A figure held against another figure: counted must equal the distinct valid codes.
    expect(table).toContain(
      '| check-in: counted / distinct valid codes / forged accepted | 1,999 / 2,000 / 0 | equal ✗ / = 0 ✓ |',
    );
  });

  it('marks figures the run did not measure', () => {
    expect(table).toContain('| CloudBase reconcile of the demo week: round trips | — | — |');
  });

  it('replaces only the block between the markers', () => {
    const readme = 'intro\n<!-- bench:begin -->\nold table\n<!-- bench:end -->\nafter\n';
    expect(replaceBlock(readme, 'new table')).toBe(
      'intro\n<!-- bench:begin -->\nnew table\n<!-- bench:end -->\nafter\n',
    );
    expect(() => replaceBlock('no markers', 'x')).toThrow('README.md has no <!-- bench:begin -->');
  });
});
