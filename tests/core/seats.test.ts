import { guardHolds, pickPromotions, recountSeats, seatGuard, seatsLeft } from '../../backend/core/seats';

const counter = (seatsTaken: number, waitingCount = 0, capacity: number | null = 10) => ({
  capacity,
  seatsTaken,
  waitingCount,
});

describe('seat rules', () => {
  it('lets a party in only if it fits', () => {
    expect(guardHolds(counter(7), seatGuard(10, 3, 'newcomer'))).toBe(true);
    expect(guardHolds(counter(8), seatGuard(10, 3, 'newcomer'))).toBe(false);
  });

  it('keeps newcomers behind a waitlist, not promotions', () => {
    expect(guardHolds(counter(5, 1), seatGuard(10, 1, 'newcomer'))).toBe(false);
    expect(guardHolds(counter(5, 1), seatGuard(10, 1, 'waitlist'))).toBe(true);
  });

  it('refuses a guard computed for another capacity', () => {
    expect(guardHolds(counter(0, 0, 12), seatGuard(10, 1, 'newcomer'))).toBe(false);
  });

  it('reports seats left, never negative, and none for open attendance', () => {
    expect(seatsLeft(counter(4))).toBe(6);
    expect(seatsLeft(counter(12))).toBe(0);
    expect(seatsLeft(counter(0, 0, null))).toBeNull();
  });

  it('promotes in ticket order, first fit', () => {
    const waiting = [
      { id: 'c', party: 1, waitTicket: 3 },
      { id: 'a', party: 3, waitTicket: 1 },
      { id: 'b', party: 1, waitTicket: 2 },
      { id: 'd', party: 2, waitTicket: 4 },
    ];
    expect(pickPromotions(waiting, 2).map((w) => w.id)).toEqual(['b', 'c']);
    expect(pickPromotions(waiting, 4).map((w) => w.id)).toEqual(['a', 'b']);
    expect(pickPromotions(waiting, 0)).toEqual([]);
  });

  it('recounts seats and waiting from raw registrations', () => {
    expect(
      recountSeats(10, [
        { status: 'confirmed', party: 2, waitTicket: null },
        { status: 'confirmed', party: 1, waitTicket: null },
        { status: 'waitlisted', party: 3, waitTicket: 5 },
        { status: 'cancelled', party: 4, waitTicket: null },
        { status: 'pending', party: 1, waitTicket: null },
      ]),
    ).toEqual({ capacity: 10, seatsTaken: 3, waitingCount: 1 });
  });
});
