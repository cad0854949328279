import { cryptoIds, randomHex, randomInt } from '../../backend/usecases/ids';

test('new ids and random numbers take their random part from the wired id port', () => {
  const calls: unknown[] = [];
  const fixed = {
    hex: (bytes: number) => {
      calls.push(bytes);
      return 'f00d';
    },
    int: (min: number, max: number) => {
      calls.push([min, max]);
      return 7;
    },
  };
  expect(randomHex({ ids: fixed }, 4)).toBe('f00d');
  expect(randomInt({ ids: fixed }, 1, 10)).toBe(7);
  expect(calls).toEqual([4, [1, 10]]);
});

test('without a wired port, node:crypto gives that many random bytes as hex', () => {
  expect(randomHex({}, 4)).toMatch(/^[0-9a-f]{8}$/);
  expect(cryptoIds.hex(6)).toMatch(/^[0-9a-f]{12}$/);
  expect(randomHex({}, 8)).not.toBe(randomHex({}, 8));
});

test('without a wired port, node:crypto gives whole numbers in [min, max)', () => {
  const drawn = new Set(Array.from({ length: 200 }, () => randomInt({}, 3, 6)));
  expect([...drawn].sort()).toEqual([3, 4, 5]);
});
