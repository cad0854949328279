import { allocate, drawStratified, sampleResult, sampleSize, wilson } from '../../backend/core/sampling';

const ids = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);

describe('sample size for a stated margin of error at 95 %', () => {
  it('matches the textbook table (p = 0.5, finite population correction)', () => {
    // Cochran: n0 = 1.96² · 0.25 / 0.05² = 384.15; n = n0 / (1 + (n0 − 1)/N), rounded up.
    expect(sampleSize(1000, 0.05)).toBe(278);
    expect(sampleSize(10_000, 0.05)).toBe(370);
    expect(sampleSize(1_000_000_000, 0.05)).toBe(385);
    expect(sampleSize(500, 0.1)).toBe(81);
  });

  it('never asks for more than the population, nor anything of an empty one', () => {
    expect(sampleSize(20, 0.01)).toBe(20);
    expect(sampleSize(0, 0.05)).toBe(0);
  });
});

describe('proportional allocation over the activities', () => {
  it('gives each activity its share', () => {
    expect(
      allocate(
        [
          { key: 'a', population: 50 },
          { key: 'b', population: 30 },
          { key: 'c', population: 20 },
        ],
        10,
      ).map((x) => x.allocated),
    ).toEqual([5, 3, 2]);
  });

  it('rounds by largest remainder and keeps the total', () => {
    // shares 1.5, 0.9, 0.6 → floors 1, 0, 0; the two left go to b (.9) and c (.6).
    expect(
      allocate(
        [
          { key: 'c', population: 2 },
          { key: 'a', population: 5 },
          { key: 'b', population: 3 },
        ],
        3,
      ),
    ).toEqual([
      { key: 'a', population: 5, allocated: 1 },
      { key: 'b', population: 3, allocated: 1 },
      { key: 'c', population: 2, allocated: 1 },
    ]);
  });
});

describe('the draw', () => {
  const strata = [
    { key: 'ev-a', ids: ids('a', 60) },
    { key: 'ev-b', ids: ids('b', 30) },
    { key: 'ev-c', ids: ids('c', 10) },
  ];

  it('is reproducible from the seed, whatever order the frame comes in', () => {
    const first = drawStratified(strata, 20, 12345);
    const again = drawStratified(
      [...strata].reverse().map((s) => ({ key: s.key, ids: [...s.ids].reverse() })),
      20,
      12345,
    );
    expect(again.drawn).toEqual(first.drawn);
    expect(drawStratified(strata, 20, 54321).drawn).not.toEqual(first.drawn);
  });

  it('takes each activity’s share, from that activity, without repeats', () => {
    const { drawn, allocation } = drawStratified(strata, 20, 7);
    expect(allocation.map((a) => a.allocated)).toEqual([12, 6, 2]);
    expect(drawn.filter((id) => id.startsWith('a-'))).toHaveLength(12);
    expect(drawn.filter((id) => id.startsWith('b-'))).toHaveLength(6);
    expect(drawn.filter((id) => id.startsWith('c-'))).toHaveLength(2);
    expect(new Set(drawn).size).toBe(20);
  });

  it('reaches every member over many seeds (a real draw, not the first ids)', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 200; seed += 1) for (const id of drawStratified(strata, 10, seed).drawn) seen.add(id);
    expect(seen.size).toBe(100);
  });
});

describe('the result', () => {
  it('gives the Wilson 95 % interval of the published examples', () => {
    // Newcombe (1998), Table I: 8/10 → 0.4902–0.9433; 0/5 → 0–0.4345 (upper).
    const a = wilson(8, 10)!;
    expect(a.low).toBeCloseTo(0.4902, 4);
    expect(a.high).toBeCloseTo(0.9433, 4);
    const b = wilson(0, 5)!;
    expect(b.low).toBe(0);
    expect(b.high).toBeCloseTo(0.4345, 4);
    expect(wilson(0, 0)).toBeNull();
  });

  it('counts responses among the drawn and 4–5 among the responses', () => {
    const scores: Record<string, number> = { r1: 5, r2: 4, r3: 2, r4: 5 };
    const result = sampleResult(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8'], (id) => scores[id] ?? null);
    expect(result).toMatchObject({ sampleSize: 8, responses: 4, responseRate: 0.5, satisfied: 3, rate: 0.75 });
    // Wilson 3/4 at 95 %: centre (0.75 + 0.4802)/1.9604 = 0.6275, half (1.96/1.9604)·√(0.046875 + 0.060023) = 0.3269 → 0.3006–0.9544.
    expect(result.interval!.low).toBeCloseTo(0.3006, 3);
    expect(result.interval!.high).toBeCloseTo(0.9544, 3);
  });

  it('has no rate and no interval before anyone answered', () => {
    expect(sampleResult(['r1'], () => null)).toMatchObject({
      responses: 0,
      responseRate: 0,
      rate: null,
      interval: null,
    });
    expect(sampleResult([], () => null).responseRate).toBeNull();
  });
});
