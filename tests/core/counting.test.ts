/** The pure rules of #11: calendar days, the door window, the days of an activity, distinct people. */
import { doorVerdict, mayEnterFigure, residentMayCancel } from '../../backend/core/checkin';
import { crossesMidnight, distinctDelta, scheduledDays } from '../../backend/core/counting';
import { DomainError } from '../../backend/core/errors';
import { assertCampaignDates } from '../../backend/core/setup';
import { at, isCalendarDay } from '../../backend/core/time';

const START = at('2026-11-15', '09:00');
const END = at('2026-11-15', '10:30');
const event = { startAt: START, endAt: END, status: 'approved' as const };

it('knows real calendar days', () => {
  expect(['2027-02-28', '2028-02-29', '2026-12-31'].map(isCalendarDay)).toEqual([true, true, true]);
  expect(['2027-02-29', '2027-13-45', '2026-11-31', '2026-1-5'].map(isCalendarDay)).toEqual([
    false,
    false,
    false,
    false,
  ]);
  const refused = (() => {
    try {
      assertCampaignDates({ weekStart: '2027-02-29', weekEnd: '2027-03-05' });
    } catch (error) {
      return error as DomainError;
    }
  })();
  expect([refused?.code, refused?.message]).toEqual(['VALIDATION_FAILED', '日期不存在：2027-02-29，请检查月份和日期']);
});

it('opens the door 60 minutes before the start and closes it 30 minutes after the end, or as configured', () => {
  const min = 60_000;
  expect(doorVerdict(event, null, START - 60 * min - 1)).toBe('too_early');
  expect(doorVerdict(event, null, START - 60 * min)).toBe('open');
  expect(doorVerdict(event, null, END + 30 * min)).toBe('open');
  expect(doorVerdict(event, null, END + 30 * min + 1)).toBe('ended');
  expect(doorVerdict(event, { door: { opensBeforeMin: 120 } }, START - 90 * min)).toBe('open');
  expect(
    doorVerdict({ ...event, door: { opensBeforeMin: 10 } }, { door: { opensBeforeMin: 120 } }, START - 20 * min),
  ).toBe('too_early');
  expect(doorVerdict({ ...event, status: 'cancelled' }, null, START)).toBe('event_cancelled');
});

it('lets residents cancel only before the start and before check-in; figures only where nobody is scanned', () => {
  expect(residentMayCancel(event, false, START - 1)).toBe(true);
  expect(residentMayCancel(event, true, START - 3_600_000)).toBe(false);
  expect(residentMayCancel(event, false, START)).toBe(false);
  expect([
    mayEnterFigure({ mode: 'offline' }),
    mayEnterFigure({ mode: 'hybrid' }),
    mayEnterFigure({ mode: 'offline', noDoorCheckin: true }),
  ]).toEqual([false, true, true]);
});

it('lists the days of an activity; a session across midnight is one session', () => {
  expect(scheduledDays({ startAt: at('2026-11-15', '09:00'), endAt: at('2026-11-17', '17:00') })).toEqual([
    '2026-11-15',
    '2026-11-16',
    '2026-11-17',
  ]);
  expect(scheduledDays({ startAt: at('2026-11-15', '14:00'), endAt: at('2026-11-16', '00:00') })).toEqual([
    '2026-11-15',
  ]);
  expect(crossesMidnight({ startAt: at('2026-11-15', '23:00'), endAt: at('2026-11-16', '01:00') })).toBe(true);
  expect(crossesMidnight({ startAt: at('2026-11-15', '09:00'), endAt: at('2026-11-17', '17:00') })).toBe(false);
});

it('counts a holder once per scope and every companion once per attendance', () => {
  // A party of three whose holder is new in the scope: 3 people; the holder again with one companion: 1.
  expect(distinctDelta(3, 1, 1)).toBe(3);
  expect(distinctDelta(2, 2, 1)).toBe(1);
  // Undo of the second visit: the holder stays (count 1 after), the companion goes.
  expect(distinctDelta(2, 1, -1)).toBe(-1);
  expect(distinctDelta(3, 0, -1)).toBe(-3);
});
