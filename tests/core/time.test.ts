import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { at, clockLabel, dayLabel, dayOf, daysBetween, hourOf, spanLabel, weekdayLabel } from '../../backend/core/time';

describe('Asia/Shanghai calendar time', () => {
  it('puts moments near midnight on the Shanghai day', () => {
    // 2026-11-14 00:00 in Shanghai is 2026-11-13 16:00 UTC.
    expect(at('2026-11-14', '00:00')).toBe(Date.UTC(2026, 10, 13, 16, 0));
    expect(dayOf(Date.UTC(2026, 10, 13, 15, 59))).toBe('2026-11-13');
    expect(dayOf(Date.UTC(2026, 10, 13, 16, 0))).toBe('2026-11-14');
    expect(dayOf(Date.UTC(2026, 10, 14, 15, 59))).toBe('2026-11-14');
  });

  it('gives the Shanghai hour of a moment, also before 1970', () => {
    expect(hourOf(Date.UTC(2026, 10, 13, 15, 59, 59, 999))).toBe(23);
    expect(hourOf(Date.UTC(2026, 10, 13, 16, 0))).toBe(0);
    expect(hourOf(Date.UTC(2026, 10, 14, 1, 30))).toBe(9);
    expect(hourOf(-1)).toBe(7);
    expect(hourOf(Date.UTC(1969, 11, 31, 15, 59))).toBe(23);
  });

  it('names days and clock times alike when asked again (they are remembered per day and minute)', () => {
    for (let round = 0; round < 2; round++) {
      expect(dayOf(Date.UTC(2026, 10, 13, 15, 59, 59, 999))).toBe('2026-11-13');
      expect(dayOf(Date.UTC(2026, 10, 13, 16, 0))).toBe('2026-11-14');
      expect(clockLabel(Date.UTC(2026, 10, 13, 15, 59, 59, 999))).toBe('23:59');
      expect(clockLabel(Date.UTC(2026, 10, 13, 16, 0))).toBe('00:00');
      expect(clockLabel(Date.UTC(2026, 10, 14, 1, 30, 59))).toBe('09:30');
      expect(dayOf(-1)).toBe('1970-01-01');
      expect(clockLabel(-1)).toBe('07:59');
      expect(dayOf(Date.UTC(1969, 11, 31, 15, 59))).toBe('1969-12-31');
      expect(clockLabel(Date.UTC(1969, 11, 31, 15, 59))).toBe('23:59');
      const week = daysBetween('2027-11-13', '2027-11-15');
      expect(week).toEqual(['2027-11-13', '2027-11-14', '2027-11-15']);
      week.push('changed by a caller');
    }
  });

  it('labels days as the notices do', () => {
    expect(dayLabel('2020-11-14')).toBe('11月14日');
    expect(weekdayLabel('2020-11-14')).toBe('周六');
    expect(daysBetween('2020-11-14', '2020-11-20')).toHaveLength(7);
    expect(spanLabel(at('2020-11-14', '09:30'), at('2020-11-14', '11:00'))).toBe('11月14日 周六 09:30–11:00');
  });

  it('refuses a malformed wall-clock time', () => {
    expect(() => at('2020-13-45', '09:00')).toThrow(RangeError);
    expect(() => at('2020-11-14', '9:00')).toThrow(RangeError);
  });

  it.each(['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'])(
    'gives the same days in a process running in %s',
    (tz) => {
      const script = join(__dirname, 'fixtures', 'print-days.ts');
      const out = execFileSync(process.execPath, ['--import', 'tsx', script], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      const seen = JSON.parse(out);
      if (tz !== 'UTC') expect(seen.offset).not.toBe(0);
      else expect(seen.offset).toBe(0);
      expect(seen.days).toEqual(['2026-11-14', '2026-11-14', '2026-11-14']);
      expect(seen.clocks).toEqual(['00:00', '23:59', '23:30']);
      expect(seen.week[0]).toBe('2026-11-14');
      expect(seen.week[6]).toBe('2026-11-20');
    },
  );
});
