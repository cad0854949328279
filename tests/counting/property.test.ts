/**
 * One participant count, from the door to every form (#11): the property over generated weeks
 * in tests/counting/week-property.ts (dashboard = F1 = F2 = F3 = roll-up = a recount from raw
 * records written in the test, for every scope and day; per-day figures add up; 人 ≤ 人次;
 * every printed 合计 = the sum of its rows), here in this process and in child processes
 * running under the time zones UTC, America/Los_Angeles and Pacific/Kiritimati (UTC+14).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { checkWeek, genWeek } from './week-property';

jest.setTimeout(900_000);

it('holds in this process', async () => {
  await fc.assert(fc.asyncProperty(genWeek, checkWeek), { numRuns: Number(process.env.COUNTING_RUNS ?? 10) });
});

const OFFSETS: Record<string, number> = { UTC: 0, 'America/Los_Angeles': 480, 'Pacific/Kiritimati': -840 };

it.each(Object.keys(OFFSETS))('holds in a process running in %s', async (tz) => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'run-property.ts')],
    { env: { ...process.env, TZ: tz, COUNTING_RUNS: process.env.COUNTING_RUNS ?? '8' }, encoding: 'utf8' },
  );
  const seen = JSON.parse(stdout) as { offset: number; runs: number };
  // 2026-11-15 is outside US daylight saving: Los Angeles is UTC−8, Kiritimati UTC+14.
  expect(seen.offset).toBe(OFFSETS[tz]);
  expect(seen.runs).toBeGreaterThan(0);
});
