/**
 * What the door keeps for working offline: the check-in config (the public key), each event's
 * roster (names to show and short codes to look up), and the registrations this device let in
 * while offline (so a second scan of the same person says 已签到).
 */
import type { CheckinConfig, RosterEntry, StaffEventView, WalkInEntry } from '../../../types/api';
import type { KeyValueStore } from './storage';
import { KEYS } from './storage';

export interface StoredConfig {
  config: CheckinConfig;
  /** The server's clock minus the device's when the config arrived. */
  skew: number;
}

export interface StoredRoster {
  event: StaffEventView;
  entries: RosterEntry[];
  /** 现场登记 (absent in rosters cached before walk-ins were listed). */
  walkIns?: WalkInEntry[];
  fetchedAt: number;
}

export function saveConfig(store: KeyValueStore, config: CheckinConfig, receivedAt: number): void {
  store.set(KEYS.config, { config, skew: config.serverTime - receivedAt } satisfies StoredConfig);
}

export function loadConfig(store: KeyValueStore): StoredConfig | null {
  const raw = store.get<StoredConfig>(KEYS.config);
  return raw && typeof raw.config?.publicKey === 'string' ? raw : null;
}

export function saveRoster(store: KeyValueStore, roster: StoredRoster): void {
  store.set(KEYS.roster(roster.event.id), roster);
}

export function loadRoster(store: KeyValueStore, eventId: string): StoredRoster | null {
  const raw = store.get<StoredRoster>(KEYS.roster(eventId));
  return raw && Array.isArray(raw.entries) ? raw : null;
}

/** Marks an entry of the cached roster checked in (after an online check-in), if it is there. */
export function markCheckedIn(store: KeyValueStore, eventId: string, registrationId: string, at: number): void {
  const roster = loadRoster(store, eventId);
  const entry = roster?.entries.find((e) => e.registrationId === registrationId);
  if (!roster || !entry || entry.checkedInAt !== null) return;
  entry.checkedInAt = at;
  saveRoster(store, roster);
}

/** registrationId → when this device accepted it offline. */
export function loadAccepted(store: KeyValueStore, eventId: string): Record<string, number> {
  const raw = store.get<Record<string, number>>(KEYS.accepted(eventId));
  return raw && typeof raw === 'object' ? raw : {};
}

export function addAccepted(store: KeyValueStore, eventId: string, registrationId: string, at: number): void {
  const accepted = loadAccepted(store, eventId);
  if (accepted[registrationId] !== undefined) return;
  store.set(KEYS.accepted(eventId), { ...accepted, [registrationId]: at });
}

/**
 * Name part or last four digits of the phone. Six-digit short codes rotate and only the backend
 * can check them: offline they are queued for the server (Door.shortCode), never looked up here.
 */
export function searchRoster(entries: readonly RosterEntry[], query: string): RosterEntry[] {
  const q = query.trim();
  if (!q) return [...entries];
  if (/^\d{6}$/.test(q)) return [];
  if (/^\d{1,4}$/.test(q)) return entries.filter((e) => e.phoneTail.endsWith(q));
  // Masked names keep the first and last characters (王*明): match the unmasked ones.
  const chars = Array.from(q).filter((c) => c !== '*');
  return entries.filter((e) => chars.every((c) => e.name.includes(c)));
}
