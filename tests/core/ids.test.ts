import { cryptoIds, randomHex } from '../../backend/usecases/ids';

test('new ids take their random part from the wired id port', () => {
  const calls: number[] = [];
  const fixed = {
    hex: (bytes: number) => {
      calls.push(bytes);
      return 'f00d';
    },
  };
  expect(randomHex({ ids: fixed }, 4)).toBe('f00d');
  expect(calls).toEqual([4]);
});

test('without a wired port, node:crypto gives that many random bytes as hex', () => {
  expect(randomHex({}, 4)).toMatch(/^[0-9a-f]{8}$/);
  expect(cryptoIds.hex(6)).toMatch(/^[0-9a-f]{12}$/);
  expect(randomHex({}, 8)).not.toBe(randomHex({}, 8));
});
