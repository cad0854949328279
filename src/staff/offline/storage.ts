/**
 * The device storage the door keeps its offline state in, as a small port: Taro's storage in
 * the app (wx storage on WeChat, localStorage on H5), a Map in tests.
 */
import Taro from '@tarojs/taro';

export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

export const taroStore: KeyValueStore = {
  get<T>(key: string): T | undefined {
    try {
      const value: unknown = Taro.getStorageSync(key);
      // WeChat answers '' for a missing key.
      return value === '' || value === null || value === undefined ? undefined : (value as T);
    } catch {
      return undefined;
    }
  },
  set(key, value) {
    Taro.setStorageSync(key, value);
  },
  remove(key) {
    try {
      Taro.removeStorageSync(key);
    } catch {
      // nothing to remove
    }
  },
};

export function memoryStore(): KeyValueStore & { dump(): Record<string, unknown> } {
  const map = new Map<string, string>();
  return {
    // Through JSON, like the real storage: nobody keeps a live reference to stored objects.
    get: <T>(key: string) => (map.has(key) ? (JSON.parse(map.get(key) as string) as T) : undefined),
    set: (key, value) => void map.set(key, JSON.stringify(value)),
    remove: (key) => void map.delete(key),
    dump: () => Object.fromEntries([...map].map(([k, v]) => [k, JSON.parse(v) as unknown])),
  };
}

export const KEYS = {
  deviceId: 'llw.staff.deviceId',
  config: 'llw.staff.checkinConfig',
  roster: (eventId: string) => `llw.staff.roster.${eventId}`,
  queue: (eventId: string) => `llw.staff.queue.${eventId}`,
  accepted: (eventId: string) => `llw.staff.accepted.${eventId}`,
  rejected: (eventId: string) => `llw.staff.rejected.${eventId}`,
  queuedEvents: 'llw.staff.queuedEvents',
} as const;
