/** Random ids of the door: a fresh scanId per action (the backend's idempotency key), a stable deviceId. */
import type { KeyValueStore } from './storage';
import { KEYS } from './storage';

/** `chars` hex digits, from crypto.getRandomValues where the platform has it (weapp has not). */
export function randomHex(chars: number): string {
  const cryptoApi = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (cryptoApi?.getRandomValues) {
    const bytes = cryptoApi.getRandomValues(new Uint8Array(Math.ceil(chars / 2)));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0'))
      .join('')
      .slice(0, chars);
  }
  // The clock's low digits, then Math.random: unique enough for one device's idempotency keys.
  let out = Date.now()
    .toString(16)
    .slice(-Math.min(8, Math.floor(chars / 2)));
  while (out.length < chars) out += Math.floor(Math.random() * 16).toString(16);
  return out;
}

export function newScanId(): string {
  return randomHex(16);
}

/** This device's id: made once, then kept in storage. */
export function deviceIdOf(store: KeyValueStore): string {
  const existing = store.get<string>(KEYS.deviceId);
  if (typeof existing === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(existing)) return existing;
  const id = `dev${randomHex(16)}`;
  store.set(KEYS.deviceId, id);
  return id;
}
