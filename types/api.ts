/**
 * The contract between the mini-program and the cloud functions: function names, actions,
 * their inputs and outputs, and the result envelope. The backend checks every input against
 * a schema (cloudfunctions/api/schemas.ts) whose inferred types are asserted equal to these.
 */
import type {
  ActivityEvent,
  Audience,
  Campaign,
  Category,
  Day,
  EventMode,
  Org,
  Registration,
  RegistrationStatus,
  Role,
} from './domain';

/** Stable error codes. The meaning of a code never changes; new codes may be added. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNKNOWN_ACTION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'CAMPAIGN_NOT_FOUND',
  'EVENT_NOT_FOUND',
  'EVENT_NOT_OPEN',
  'SIGNUP_NOT_REQUIRED',
  'SIGNUP_DUPLICATE',
  'CONSENT_REQUIRED',
  'COMPANIONS_OVER_LIMIT',
  'REGISTRATION_NOT_FOUND',
  'ALREADY_CANCELLED',
  'CANCEL_CLOSED',
  'STORE_CONFLICT',
  'STORE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** Human-readable, in Simplified Chinese: shown to the user as is. */
  message: string;
  /** True when the same call may succeed if simply tried again. */
  retryable: boolean;
  /** For VALIDATION_FAILED: which fields, and why. */
  fields?: { path: string; message: string }[];
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** The cloud functions (thin routers) and the actions each one routes. */
export interface FunctionActions {
  resident: ResidentActions;
}
export type FunctionName = keyof FunctionActions;

/** An event as residents see it: public fields plus what the caller needs to decide. */
export interface EventView {
  id: string;
  title: string;
  content: string;
  venue: string;
  startAt: number;
  endAt: number;
  day: Day;
  category: Category;
  audiences: Audience[];
  mode: EventMode;
  onlineUrl?: string;
  free: boolean;
  venueRole: ActivityEvent['venueRole'];
  unitId: string;
  unitName: string;
  streetId: string;
  streetName: string;
  capacity: number | null;
  seatsLeft: number | null;
  waitingCount: number;
  maxCompanions: number;
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
}

export interface WeekView {
  campaign: Campaign;
  days: Day[];
  streets: Org[];
}

export interface EventFilter {
  day?: Day;
  streetId?: string;
  category?: Category;
  audience?: Audience;
  q?: string;
}

export interface WhoAmI {
  role: Role;
  /** Display name of a staff or organizer binding; null for residents. */
  name: string | null;
  unitIds: string[];
  districtId: string | null;
}

export interface ResidentActions {
  'system.ping': { input: Record<string, never>; output: { pong: true; at: number } };
  'me.get': { input: Record<string, never>; output: WhoAmI };
  'week.get': { input: { campaignId?: string }; output: WeekView };
  'events.list': {
    input: { campaignId?: string; offset?: number; limit?: number } & EventFilter;
    output: { events: EventView[]; total: number };
  };
  'event.get': {
    input: { eventId: string };
    output: { event: EventView; mine: RegistrationView | null };
  };
  'signup.create': {
    input: { eventId: string; name: string; phone: string; companions: number; consent: boolean };
    output: { registration: RegistrationView; outcome: 'confirmed' | 'waitlisted' };
  };
  'signup.cancel': { input: { registrationId: string }; output: { registration: RegistrationView } };
  'signup.mine': {
    input: Record<string, never>;
    output: { items: { registration: RegistrationView; event: EventView }[] };
  };
}

export type ActionName<F extends FunctionName> = keyof FunctionActions[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = FunctionActions[F][A] extends {
  input: infer I;
}
  ? I
  : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = FunctionActions[F][A] extends {
  output: infer O;
}
  ? O
  : never;

/** What a client sends to a cloud function. */
export interface CallEnvelope {
  action: string;
  data?: unknown;
}
