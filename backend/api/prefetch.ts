/**
 * Reads issued with the caller lookup (CloudBase's shape, `deps.later` set): for the hot actions,
 * the reads their use case will make first — which depend on the input only, not on the caller —
 * go out in the same round trip as the member read. The use case then makes the same calls and
 * receives the answers already on their way: each warmed read is handed out once, to the first
 * identical call (method and arguments), and every later call goes to the store. Nothing is
 * revealed before the permission check: a refused call just drops the answers.
 */
import type { FunctionName } from '../../types/api';
import { parseCode } from '../core/checkin-code';
import { registrationId } from '../core/registration';
import type { Store } from '../store/port';

type Warm = (store: Store, input: Record<string, unknown>) => void;

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The door's event and, once it is known, its campaign (the door window may be the campaign's). */
function doorReads(store: Store, input: Record<string, unknown>): void {
  const eventId = str(input.eventId);
  const scanId = str(input.scanId);
  if (eventId) void store.getEvent(eventId).then((event) => event && store.getCampaign(event.campaignId));
  if (scanId) void store.getScanLog(scanId);
}

const WARM: Partial<Record<`${FunctionName}/${string}`, Warm>> = {
  'staff/checkin.scan': (store, input) => {
    doorReads(store, input);
    const code = parseCode(str(input.code) ?? '');
    if (!code) return;
    const id = registrationId(code.claims.eventId, code.claims.holderKey);
    void store.getRegistration(id);
    void store.getCheckin(id);
  },
  'staff/checkin.manual': (store, input) => {
    doorReads(store, input);
    const id = str(input.registrationId);
    if (!id) return;
    void store.getRegistration(id);
    void store.getCheckin(id);
  },
  'resident/signup.create': (store, input) => {
    const eventId = str(input.eventId);
    if (eventId) void store.getEvent(eventId);
  },
  'organizer/dashboard.get': (store, input) => {
    const id = str(input.campaignId);
    const campaign = id ? store.getCampaign(id) : store.latestCampaign();
    void campaign.then((c) => {
      if (!c) return;
      void store.listEvents(c.id);
      void store.readCounters(c.id);
      void store.listOrgs(c.districtId);
    });
  },
};

const READS = /^(get|list|read|latest)/;

/**
 * The store a call's use case runs on, with the reads of its action already sent; `store` itself
 * when the action warms nothing.
 */
export function prefetched(store: Store, fn: FunctionName, action: string, input: unknown): Store {
  const warm = WARM[`${fn}/${action}`];
  if (!warm || typeof input !== 'object' || input === null) return store;
  const sent = new Map<string, Promise<unknown>>();
  const keyOf = (name: string, args: unknown[]) => `${name}|${JSON.stringify(args)}`;
  const proxy = (record: boolean): Store =>
    new Proxy(store, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (typeof value !== 'function' || typeof name !== 'string' || !READS.test(name)) return value;
        return (...args: unknown[]) => {
          const key = keyOf(name, args);
          if (!record) {
            const early = sent.get(key);
            if (early) {
              sent.delete(key);
              return early;
            }
            return Reflect.apply(value, target, args);
          }
          const answer = Promise.resolve(Reflect.apply(value, target, args) as Promise<unknown>);
          // An answer nobody asks for (a refused call) must not surface as an unhandled rejection.
          answer.catch(() => undefined);
          if (!sent.has(key)) sent.set(key, answer);
          return answer;
        };
      },
    });
  warm(proxy(true), input as Record<string, unknown>);
  return proxy(false);
}
