/**
 * The id port's production adapter (node:crypto) and the one helper the use cases call:
 * `randomHex(deps, n)` takes the runtime's `Deps.ids` where one is wired, else this adapter.
 */
import { randomBytes } from 'node:crypto';
import type { Ids } from './ports';

export const cryptoIds: Ids = { hex: (bytes) => randomBytes(bytes).toString('hex') };

export function randomHex(deps: { ids?: Ids }, bytes: number): string {
  return (deps.ids ?? cryptoIds).hex(bytes);
}
