/**
 * The id port's production adapter (node:crypto) and the one helper the use cases call:
 * `randomHex(deps, n)` and `randomInt(deps, min, max)` take the runtime's `Deps.ids` where one
 * is wired, else this adapter.
 */
import { randomBytes, randomInt as cryptoInt } from 'node:crypto';
import type { Ids } from './ports';

export const cryptoIds: Ids = {
  hex: (bytes) => randomBytes(bytes).toString('hex'),
  int: (min, max) => cryptoInt(min, max),
};

export function randomHex(deps: { ids?: Ids }, bytes: number): string {
  return (deps.ids ?? cryptoIds).hex(bytes);
}

export function randomInt(deps: { ids?: Ids }, min: number, max: number): number {
  return (deps.ids ?? cryptoIds).int(min, max);
}
