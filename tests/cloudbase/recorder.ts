/**
 * Records the requests the CloudBase store sends, as chains of SDK calls, and passes them on to
 * the CloudBase double: `collection('events').doc('ev1').update({...})` is recorded as
 * `{ collection: 'events', calls: [['doc', 'ev1'], ['update', {...}]] }` when `update` is called.
 */
import { createCloudbaseStore } from '../../backend/store/cloudbase';
import type { CloudbaseDb } from '../../backend/store/cloudbase/sdk';
import type { Store } from '../../backend/store/port';
import { CloudbaseFake } from '../doubles/cloudbase-fake';

export type Call = [method: string, ...args: unknown[]];

export interface RecordedRequest {
  collection: string;
  calls: Call[];
}

const BUILDERS = new Set(['where', 'orderBy', 'limit', 'skip', 'doc']);
const REQUESTS = new Set(['get', 'count', 'update', 'set', 'add', 'remove']);

export function recording(fake: CloudbaseFake): { db: CloudbaseDb; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];

  function wrap<T extends object>(target: T, collection: string, calls: Call[]): T {
    return new Proxy(target, {
      get(object, property, receiver) {
        const value: unknown = Reflect.get(object, property, receiver);
        if (typeof property !== 'string' || typeof value !== 'function') return value;
        if (BUILDERS.has(property)) {
          return (...args: unknown[]) =>
            wrap((value as (...a: unknown[]) => object).apply(object, args), collection, [
              ...calls,
              [property, ...args],
            ]);
        }
        if (REQUESTS.has(property)) {
          return (...args: unknown[]) => {
            requests.push({ collection, calls: [...calls, [property, ...args]] });
            return (value as (...a: unknown[]) => unknown).apply(object, args);
          };
        }
        return value;
      },
    });
  }

  const db: CloudbaseDb = {
    command: fake.command,
    collection: (name) => wrap(fake.collection(name), name, []),
    runTransaction: (work, times) => fake.runTransaction(work, times),
  };
  return { db, requests };
}

/** A CloudBase store over a fresh double, recording every request it sends and every store operation. */
export function recordedStore(): { fake: CloudbaseFake; store: Store; ops: string[]; requests: RecordedRequest[] } {
  const fake = new CloudbaseFake();
  const { db, requests } = recording(fake);
  const ops: string[] = [];
  const store = createCloudbaseStore(db, { onOp: (kind, collection) => ops.push(`${kind}:${collection}`) });
  return { fake, store, ops, requests };
}

/** Forgets the requests and operations made so far (e.g. while seeding). */
export function reset(...logs: unknown[][]): void {
  for (const log of logs) log.length = 0;
}

/** The request methods sent, e.g. 'events:update'. */
export function methods(requests: RecordedRequest[]): string[] {
  return requests.map((r) => `${r.collection}:${r.calls[r.calls.length - 1][0]}`);
}
