/**
 * The `staff` function: what the door sees (roster, scan results, the audit log) and each
 * action's output. Inputs are inferred from backend/api/schemas/staff.ts (type-only).
 */
import type { StaffInputs } from '../../backend/api/schemas/staff';
import type { Registration, RegistrationStatus, ScanLogEntry, ScanOutcome, SignupQuestion } from '../domain';
import type { ActionsOf } from './envelope';
import type { EventView, RegistrationView } from './resident';

/** What staff need to validate codes on the device when the network is gone. */
export interface CheckinConfig {
  /** Ed25519 public key, hex. */
  publicKey: string;
  windowMs: number;
  /** How many windows a code may be away from the device's time and still be accepted. */
  toleranceWindows: number;
  serverTime: number;
}

/** An event as door staff see it: the resident view plus live attendance. */
export interface StaffEventView extends EventView {
  checkedIn: number;
  walkIns: number;
  /** Seats taken by confirmed sign-ups (people, with companions). */
  confirmedPeople: number;
}

/** A walk-in (现场登记) on the door roster: masked name, party, when. */
export interface WalkInEntry {
  id: string;
  name: string;
  party: number;
  checkedInAt: number;
}

/** One line of an event's roster: masked, enough to recognise a person at the door. */
export interface RosterEntry {
  registrationId: string;
  /** Masked: 王*明. */
  name: string;
  /** Last four digits of the phone, for finding people without a phone of their own. */
  phoneTail: string;
  companions: number;
  party: number;
  status: Exclude<RegistrationStatus, 'pending'>;
  source: Registration['source'];
  checkedInAt: number | null;
}

/** The result card of one scan or door action. Refusals are outcomes, not errors. */
export interface ScanResult {
  scanId: string;
  outcome: ScanOutcome;
  /** The card's wording, in Chinese. */
  message: string;
  attendee: { registrationId: string | null; name: string; companions: number; party: number } | null;
  /** For already_checked_in: when the first check-in happened. */
  firstCheckedInAt: number | null;
  /** An offline scan that collided with another device's check-in: flagged for review. */
  conflict: boolean;
}

/** A scan-log entry as the audit view lists it. */
export type AuditEntry = Pick<
  ScanLogEntry,
  | 'id'
  | 'kind'
  | 'outcome'
  | 'reason'
  | 'registrationId'
  | 'deviceId'
  | 'staffId'
  | 'scannedAt'
  | 'recordedAt'
  | 'offline'
  | 'conflict'
>;

/** A scan made while the backend could not be reached, kept on the device until synced. */
export type QueuedScan = StaffInputs['checkin.sync']['scans'][number];

export interface StaffOutputs {
  'staff.events': { events: StaffEventView[] };
  'checkin.config': CheckinConfig;
  'checkin.roster': { event: StaffEventView; entries: RosterEntry[]; walkIns?: WalkInEntry[] };
  /** Venue codes for self check-in: rotating (a screen) or printed (usecases/self-checkin.ts). */
  'venue.codes': VenueCodes;
  /** The answers to the event's sign-up questions, beside the roster (usecases/roster-answers.ts). */
  'roster.answers': {
    questions: SignupQuestion[];
    answers: { registrationId: string; cells: string[] }[];
    /** Sign-ups checked in by self check-in (自助签到), to mark on the roster. */
    selfCheckins: string[];
    /** Walk-ins (现场登记) that answered anything, by their check-in id (WalkInEntry.id). */
    walkIns: { id: string; cells: string[] }[];
  };
  'checkin.scan': ScanResult;
  'checkin.manual': ScanResult;
  'checkin.walkin': ScanResult;
  'checkin.sync': { results: ScanResult[] };
  'checkin.find': { entries: RosterEntry[] };
  'checkin.undo': { undone: true };
  /** The check-in stays counted; seats are released only before the start. */
  'signup.staffCancel': { cancelled: true; seatsReleased: boolean };
  'signup.proxy': { registration: RegistrationView; outcome: 'confirmed' | 'waitlisted' };
  'audit.list': { entries: AuditEntry[]; total: number };
}

export type StaffActions = ActionsOf<StaffInputs, StaffOutputs>;

/** Venue codes of an event for self check-in (core/venue-code.ts). */
export interface VenueCodes {
  eventId: string;
  title: string;
  /** Rotating codes, one per window from now on (empty when the printed code was asked for). */
  codes: { code: string; validFrom: number; validTo: number }[];
  /** The printed code (no window; works only inside the door window), or null. */
  printed: string | null;
  /** The door window in which self check-in admits. */
  opensAt: number;
  closesAt: number;
  windowMs: number;
  serverTime: number;
}
