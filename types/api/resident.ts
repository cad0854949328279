/**
 * The `resident` function: what residents see (events, their sign-ups, codes) and each action's
 * output. Inputs are inferred from backend/api/schemas/resident.ts (type-only: no zod at run time).
 */
import type { ResidentInputs } from '../../backend/api/schemas/resident';
import type {
  ActivityEvent,
  Campaign,
  Day,
  EventPractical,
  Notice,
  Org,
  Registration,
  RegistrationStatus,
  ReminderKind,
  ReminderRecord,
  Role,
  ScanOutcome,
} from '../domain';
import type { HonourResidentOutputs } from '../awards-api';
import type { ActionsOf } from './envelope';

/** The fields of an activity that residents see as the activity has them. */
type PublicEventFields =
  | 'id'
  | 'title'
  | 'content'
  | 'venue'
  | 'startAt'
  | 'endAt'
  | 'day'
  | 'category'
  | 'audiences'
  | 'mode'
  | 'onlineUrl'
  | 'free'
  | 'venueRole'
  | 'unitId'
  | 'streetId'
  | 'capacity'
  | 'waitingCount'
  | 'maxCompanions';

/** An event as residents see it: public fields plus what the caller needs to decide. */
export interface EventView extends EventPractical, Pick<ActivityEvent, PublicEventFields> {
  unitName: string;
  streetName: string;
  seatsLeft: number | null;
  /** Whether sign-up is open now (false once the event has started, or if cancelled). */
  signupOpen: boolean;
  cancelled: boolean;
}

export interface RegistrationView {
  id: string;
  eventId: string;
  status: Exclude<RegistrationStatus, 'pending'>;
  /** Masked unless the caller is its owner. */
  name: string;
  /** Always masked in views: 138****1234. */
  phone: string;
  companions: number;
  party: number;
  source: Registration['source'];
  /** 1-based place in the waitlist, while waitlisted. */
  waitPosition: number | null;
  createdAt: number;
  promotedAt: number | null;
  cancelledAt: number | null;
  /** Whether the caller may still cancel it. */
  cancellable: boolean;
  /** When it was checked in at the door (null if not, or undone). */
  checkedInAt: number | null;
  /** The owner's rating of the event (1–5), once given. */
  myRating: number | null;
}

export interface WeekView {
  campaign: Campaign;
  days: Day[];
  streets: Org[];
  /** Other current campaigns with events, which residents may switch to (week.get with its id). */
  others?: { id: string; name: string; weekStart: Day; weekEnd: Day }[];
}

/** What residents may filter the week's events by (the filters of `events.list`). */
export type EventFilter = Omit<ResidentInputs['events.list'], 'campaignId' | 'offset' | 'limit'>;

export interface WhoAmI {
  role: Role;
  /** Display name of a staff or organizer binding; null for residents. */
  name: string | null;
  unitIds: string[];
  districtId: string | null;
}

export interface CheckinCodes {
  registrationId: string;
  /**
   * Consecutive codes; show the one whose window contains the device's time. Each window has
   * its own six digits for manual entry at the door (they rotate with the QR code).
   */
  codes: { code: string; shortCode: string; validFrom: number; validTo: number }[];
  /** The short code of the first (current) window. */
  shortCode: string;
  windowMs: number;
  serverTime: number;
}

export interface ResidentOutputs extends HonourResidentOutputs {
  'system.ping': { pong: true; at: number };
  'me.get': WhoAmI;
  'week.get': WeekView;
  'events.list': { events: EventView[]; total: number };
  'event.get': { event: EventView; mine: RegistrationView | null };
  'signup.create': { registration: RegistrationView; outcome: 'confirmed' | 'waitlisted' };
  'signup.cancel': { registration: RegistrationView };
  /** 进入线上活动: the link of an online/hybrid activity; a tap within its time counts once per person per day. */
  'online.join': { url: string; counted: boolean; note: string | null };
  'signup.mine': { items: { registration: RegistrationView; event: EventView }[] };
  /** Accept a staff invitation (from its code or 小程序码): binds the caller to its unit and role. */
  'invite.accept': { role: Role; name: string; unitIds: string[] };
  /** In-app notices: event changed, cancelled, or a waitlisted sign-up confirmed. */
  'notices.list': { notices: Notice[]; unread: number };
  'notices.read': { read: true };
  /** Template ids to request in the subscription dialog (null where none is configured). */
  'reminders.config': { templates: Record<ReminderKind, string | null>; simulated: boolean };
  /** The templates the resident accepted in the dialog, one credit each. */
  'reminders.subscribe': { credits: Record<ReminderKind, number> };
  /** The caller's reminders (locally: the outbox) and remaining credits. */
  'reminders.mine': { reminders: ReminderRecord[]; credits: Record<ReminderKind, number> };
  /** Rate an attended event once, 1–5, with an optional comment. */
  'rating.submit': { registrationId: string; score: number };
  /** Signed check-in codes for the caller's confirmed sign-up: one per 30 s window, ahead of time. */
  'checkin.codes': CheckinCodes;
  /** Self check-in with a venue code (usecases/self-checkin.ts). */
  'checkin.self': SelfCheckinResult;
}

export type ResidentActions = ActionsOf<ResidentInputs, ResidentOutputs>;

/** The answer to a self check-in: the outcome card the resident sees. */
export interface SelfCheckinResult {
  outcome: ScanOutcome;
  message: string;
  event: { id: string; title: string; venue: string; startAt: number; endAt: number } | null;
  /** When she was checked in (checked_in), or first checked in (already_checked_in). */
  checkedInAt: number | null;
  party: number;
}
