import { rosterFilterKeeps } from '../../src/staff/roster-filter';

describe('roster status filter', () => {
  const confirmed = { status: 'confirmed' as const };
  it.each([
    ['all', confirmed, false, true],
    ['waiting', confirmed, false, true],
    ['waiting', confirmed, true, false],
    ['in', confirmed, true, true],
    ['in', confirmed, false, false],
    ['waitlisted', { status: 'waitlisted' as const }, false, true],
    ['waitlisted', confirmed, false, false],
    ['cancelled', { status: 'cancelled' as const }, false, true],
    ['walkin', confirmed, true, false],
  ] as const)('%s keeps %j (checked in: %s) → %s', (filter, entry, checkedIn, kept) => {
    expect(rosterFilterKeeps(filter, entry, checkedIn)).toBe(kept);
  });
});
