/**
 * The contract between the mini-program and the cloud functions: function names, actions,
 * their inputs and outputs, and the result envelope. The backend checks every input against
 * a schema (backend/api/schemas.ts) whose inferred types are asserted equal to these.
 */
import type { F1Data, F2Data, F3Data, FormKind, FormProfile, ImportProblem } from './forms';
import type {
  ReminderKind,
  ReminderRecord,
  AuditRecord,
  Invite,
  Member,
  Notice,
  OrgContact,
  ActivityEvent,
  Audience,
  Campaign,
  Category,
  Day,
  EventMode,
  EventPractical,
  Org,
  Registration,
  SignupQuestion,
  RegistrationStatus,
  Role,
  ScanOutcome,
} from './domain';
import type { EvaluationActions, FileOut, HonourResidentActions } from './awards-api';
import type { DashboardFigures } from './figures';

export type { DashboardFigures } from './figures';
import type { AnswerInput, ReportItem, ReportSubmission, ReportTask, TrackerView } from './reporting';

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
  'CHECKIN_NOT_FOUND',
  'CODE_NOT_AVAILABLE',
  'RATING_NOT_ALLOWED',
  'EVENT_STATE_CONFLICT',
  'CAPACITY_BELOW_TAKEN',
  'INVITE_NOT_FOUND',
  'INVITE_EXPIRED',
  'INVITE_USED',
  'INVITE_REVOKED',
  'ORG_IN_USE',
  'ALREADY_RATED',
  'CHECKIN_KEY_MISSING',
  'NOMINATION_NOT_FOUND',
  'NOMINATION_STATE_CONFLICT',
  'QUOTA_FULL',
  'SAMPLE_EMPTY',
  'REPORT_TASK_NOT_FOUND',
  'REPORT_LATE',
  'REPORT_INCOMPLETE',
  'REPORT_TEXT_TOO_SHORT',
  'REPORT_FILE_TYPE',
  'REPORT_FILE_TOO_LARGE',
  'REPORT_NOT_YOUR_ORG',
  'REPORT_STATE_CONFLICT',
  'UPLOAD_NOT_FOUND',
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
  staff: StaffActions;
  organizer: OrganizerActions;
  exports: ExportsActions;
}
export type FunctionName = keyof FunctionActions;

/** An event as residents see it: public fields plus what the caller needs to decide. */
export interface EventView extends EventPractical {
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

export interface ResidentActions extends HonourResidentActions {
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
    /** requestId: the client's id of this sign-up, kept across retries (a retry returns the registration it made). */
    input: {
      eventId: string;
      name: string;
      phone: string;
      companions: number;
      consent: boolean;
      requestId?: string;
      /** Answers to the event's sign-up questions (core/signup-questions.ts). */
      answers?: { questionId: string; value: string }[];
    };
    output: { registration: RegistrationView; outcome: 'confirmed' | 'waitlisted' };
  };
  'signup.cancel': { input: { registrationId: string }; output: { registration: RegistrationView } };
  /** 进入线上活动: the link of an online/hybrid activity; a tap within its time counts once per person per day. */
  'online.join': {
    input: { eventId: string };
    output: { url: string; counted: boolean; note: string | null };
  };
  'signup.mine': {
    input: Record<string, never>;
    output: { items: { registration: RegistrationView; event: EventView }[] };
  };
  /** Rate an attended event once, 1–5, with an optional comment. */
  /** Accept a staff invitation (from its code or 小程序码): binds the caller to its unit and role. */
  'invite.accept': { input: { code: string }; output: { role: Role; name: string; unitIds: string[] } };
  /** In-app notices: event changed, cancelled, or a waitlisted sign-up confirmed. */
  'notices.list': { input: Record<string, never>; output: { notices: Notice[]; unread: number } };
  'notices.read': { input: { id: string }; output: { read: true } };
  /** Template ids to request in the subscription dialog (null where none is configured). */
  'reminders.config': {
    input: Record<string, never>;
    output: { templates: Record<ReminderKind, string | null>; simulated: boolean };
  };
  /** The templates the resident accepted in the dialog, one credit each. */
  'reminders.subscribe': {
    input: { accepted: ReminderKind[] };
    output: { credits: Record<ReminderKind, number> };
  };
  /** The caller's reminders (locally: the outbox) and remaining credits. */
  'reminders.mine': {
    input: Record<string, never>;
    output: { reminders: ReminderRecord[]; credits: Record<ReminderKind, number> };
  };
  'rating.submit': {
    input: { registrationId: string; score: number; comment: string };
    output: { registrationId: string; score: number };
  };
  /** Signed check-in codes for the caller's confirmed sign-up: one per 30 s window, ahead of time. */
  'checkin.codes': { input: { registrationId: string }; output: CheckinCodes };
  /** Self check-in with a venue code (usecases/self-checkin.ts). */
  'checkin.self': { input: { code: string }; output: SelfCheckinResult };
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

/** One line of an event's roster: masked, enough to recognise a person at the door. */
/** A walk-in (现场登记) on the door roster: masked name, party, when. */
export interface WalkInEntry {
  id: string;
  name: string;
  party: number;
  checkedInAt: number;
}

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

/** A scan made while the backend could not be reached, kept on the device until synced. */
export type QueuedScan =
  | { scanId: string; kind: 'code'; code: string; scannedAt: number }
  | { scanId: string; kind: 'manual'; registrationId: string; scannedAt: number }
  /** A short code typed while offline: judged by the server on sync, against scannedAt. */
  | { scanId: string; kind: 'short'; code: string; scannedAt: number }
  | { scanId: string; kind: 'walkin'; name?: string; phone?: string; companions: number; scannedAt: number };

export interface AuditEntry {
  id: string;
  kind: 'code' | 'manual' | 'walkin' | 'self' | 'undo' | 'cancel';
  outcome: ScanOutcome | 'undone';
  reason: string | null;
  registrationId: string | null;
  deviceId: string;
  staffId: string;
  scannedAt: number;
  recordedAt: number;
  offline: boolean;
  conflict: boolean;
}

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

/** The answer to a self check-in: the outcome card the resident sees. */
export interface SelfCheckinResult {
  outcome: ScanOutcome;
  message: string;
  event: { id: string; title: string; venue: string; startAt: number; endAt: number } | null;
  /** When she was checked in (checked_in), or first checked in (already_checked_in). */
  checkedInAt: number | null;
  party: number;
}

export interface StaffActions {
  /** Events of the caller's units (all of the district for organizers), optionally of one day. */
  'staff.events': { input: { day?: Day }; output: { events: StaffEventView[] } };
  'checkin.config': { input: Record<string, never>; output: CheckinConfig };
  'checkin.roster': {
    input: { eventId: string };
    output: { event: StaffEventView; entries: RosterEntry[]; walkIns?: WalkInEntry[] };
  };
  /** Venue codes for self check-in: rotating (a screen) or printed (usecases/self-checkin.ts). */
  'venue.codes': { input: { eventId: string; printed?: boolean }; output: VenueCodes };
  /** The answers to the event's sign-up questions, beside the roster (usecases/roster-answers.ts). */
  'roster.answers': {
    input: { eventId: string };
    output: {
      questions: SignupQuestion[];
      answers: { registrationId: string; cells: string[] }[];
      /** Sign-ups checked in by self check-in (自助签到), to mark on the roster. */
      selfCheckins: string[];
    };
  };
  'checkin.scan': {
    /** override: a supervisor's reason for admitting outside the check-in window (audited). */
    input: { eventId: string; deviceId: string; scanId: string; code: string; override?: string };
    output: ScanResult;
  };
  'checkin.manual': {
    input: { eventId: string; deviceId: string; scanId: string; registrationId: string; override?: string };
    output: ScanResult;
  };
  'checkin.walkin': {
    input: {
      eventId: string;
      deviceId: string;
      scanId: string;
      name?: string;
      phone?: string;
      companions: number;
      override?: string;
    };
    output: ScanResult;
  };
  /** Replays scans queued offline; replaying the same batch again changes nothing. */
  'checkin.sync': {
    input: { eventId: string; deviceId: string; scans: QueuedScan[] };
    output: { results: ScanResult[] };
  };
  /** By name (part of it) or the last four digits of the phone, or the short code. */
  'checkin.find': { input: { eventId: string; query: string }; output: { entries: RosterEntry[] } };
  /** Undo a mistaken check-in (supervisors and organizers). */
  'checkin.undo': {
    input: { eventId: string; registrationId: string; reason: string; deviceId: string; scanId: string };
    output: { undone: true };
  };
  /**
   * Cancel a resident's sign-up, also after check-in or the start, with a reason (audited). The
   * check-in stays counted; seats are released only before the start.
   */
  'signup.staffCancel': {
    input: { eventId: string; registrationId: string; reason: string; deviceId: string; scanId: string };
    output: { cancelled: true; seatsReleased: boolean };
  };
  /** Sign up a person without a phone of their own, on their behalf. */
  'signup.proxy': {
    input: {
      eventId: string;
      name: string;
      phone: string;
      companions: number;
      consent: boolean;
      requestId?: string;
      /** Answers to the event's sign-up questions (core/signup-questions.ts). */
      answers?: { questionId: string; value: string }[];
    };
    output: { registration: RegistrationView; outcome: 'confirmed' | 'waitlisted' };
  };
  /** The audit log of an event's door (supervisors and organizers). */
  'audit.list': {
    input: { eventId: string; offset?: number; limit?: number };
    output: { entries: AuditEntry[]; total: number };
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

export interface DashboardGroup {
  key: string;
  label: string;
  figures: DashboardFigures;
}

export interface DashboardEventRow {
  id: string;
  title: string;
  day: Day;
  startAt: number;
  endAt: number;
  unitName: string;
  streetName: string;
  category: Category;
  mode: EventMode;
  capacity: number | null;
  signups: number;
  checkedIn: number;
  walkIns: number;
  /** Online joins counted in the app. */
  online: number;
  entered: number | null;
  attendance: number;
  happeningNow: boolean;
}

export interface DashboardView {
  scope: { kind: 'district' | 'units'; name: string };
  campaign: { id: string; name: string; weekStart: Day; weekEnd: Day };
  today: Day;
  /** The launch week only (weekStart–weekEnd): 本周. */
  week: DashboardFigures;
  /** The whole campaign period, activities outside the week included: 全年. */
  period: DashboardFigures;
  todayFigures: DashboardFigures;
  byStreet: DashboardGroup[];
  byUnit: DashboardGroup[];
  byDay: DashboardGroup[];
  byCategory: DashboardGroup[];
  byAudience: DashboardGroup[];
  events: DashboardEventRow[];
  /** People arriving per hour (0–23) of `today`. */
  hourlyToday: number[];
  /** Changes whenever a figure may have changed: clients watch it to refresh. */
  version: number;
  generatedAt: number;
}

export interface ReconcileReport {
  campaignId: string;
  checkedEvents: number;
  repairs: { target: string; field: string; was: number; now: number }[];
  /** The cursor of the next page of `reconcile.run`; null when the whole campaign is reconciled. */
  next: number | null;
}

export interface OrganizerActions extends SetupActions, EvaluationActions, ReportingActions {
  /**
   * A short notice to everyone signed up (confirmed and waitlisted): in the app, and as a
   * subscription message to those holding a 活动提醒 subscription. Audited.
   */
  'registrants.notify': {
    input: { eventId: string; text: string };
    output: { recipients: number; notices: number; messages: { sent: number; noCredit: number; failed: number } };
  };
  /** Live headcounts of the caller's scope: the district for organizers, their units for staff. */
  'dashboard.get': { input: { campaignId?: string }; output: DashboardView };
  /** Enter (or clear, with null) the participant figure of an online activity or one without check-in. */
  'attendance.enter': {
    input: { eventId: string; participants: number | null; note: string };
    output: { eventId: string; entered: number | null };
  };
  /**
   * Recount a campaign's counters from raw records and repair drift, one page of events per call
   * (bounded work in the 10 s call): pass back `next` as `cursor` until it is null.
   */
  'reconcile.run': { input: { campaignId?: string; cursor?: number; limit?: number }; output: ReconcileReport };
  /** A form with its counted cells filled and the saved typed fields. orgId: a unit (F1, F2) or the district (F3). */
  'forms.preview': {
    input: { kind: FormKind; orgId?: string; mode?: 'plan' | 'actual' };
    output: {
      form: { kind: 'F1'; data: F1Data } | { kind: 'F2'; data: F2Data } | { kind: 'F3'; data: F3Data };
      profile: FormProfile | null;
      orgId: string;
      campaignId: string;
    };
  };
  /** Save the typed fields of a form, to be reused next time. */
  'forms.saveProfile': {
    input: {
      kind: FormKind;
      orgId: string;
      fields: Record<string, string>;
      mobilisationEventId?: string | null;
      contentOverrides?: Record<string, string>;
      /** F2 plan: expected participants per event (online activities have no seats to count). */
      expected?: Record<string, number>;
    };
    output: { profile: FormProfile };
  };
}

/**
 * The `exports` function: work on .xlsx files (exceljs), with a 60 s timeout and its own bundle,
 * so the 10 s organizer function neither waits on it nor carries exceljs.
 */
export interface ExportsActions {
  /** The form as an .xlsx like the paper: a download link (H5) or a cloud file (weapp). */
  'forms.export': { input: { kind: FormKind; orgId?: string; mode?: 'plan' | 'actual' }; output: ExportedFile };
  /** Who checked in when (masked phones), for an event or a whole unit. */
  'attendance.export': { input: { eventId?: string; unitId?: string }; output: ExportedFile };
  /** Create events in bulk from a unit's 活动项目安排表 (.xlsx, uploaded first; the call carries its id). */
  /**
   * Before the event: everyone signed up (confirmed and waitlisted) as .xlsx; phones masked, names
   * full only for the unit's own staff (core/privacy.ts).
   */
  'registrants.export': { input: { eventId: string }; output: ExportedFile };
  /** The organisation award's decision list (.xlsx). */
  'award.export': { input: { campaignId?: string }; output: FileOut };
  /** An honour's 汇总表 (.xlsx): the nominations the caller's level sees. */
  'honours.export': { input: { campaignId?: string; kindId: string }; output: FileOut };
  /** Everything of a reporting task as one .zip, organised by org, with its 汇总表. */
  'report.package': { input: { taskId: string }; output: ExportedFile };
  'events.import': {
    input: { unitId: string; fileId: string };
    output: { created: string[]; skipped: ImportProblem[]; problems: ImportProblem[] };
  };
}

/** A campaign as an organizer enters it (the district comes from the caller, never the payload). */
export type CampaignInput = Omit<Campaign, 'id' | 'districtId' | 'demo'> & { id?: string };

export interface EventInput extends EventPractical {
  /** Absent to create. */
  eventId?: string;
  unitId: string;
  title: string;
  content: string;
  venue: string;
  startAt: number;
  endAt: number;
  category: Category;
  audiences: Audience[];
  mode: EventMode;
  onlineUrl?: string;
  free: boolean;
  venueRole: 'main' | 'sub' | null;
  maxCompanions: number;
  capacity: number | null;
}

/** An event as its organisers see it: every state, counters, review note. */
export interface ManagedEventView extends StaffEventView {
  status: ActivityEvent['status'];
  reviewNote: string | null;
}

export interface SetupActions {
  'campaign.save': { input: CampaignInput; output: { campaign: Campaign } };
  'org.list': { input: Record<string, never>; output: { orgs: Org[] } };
  'org.save': {
    input: {
      id?: string;
      name: string;
      kind: Org['kind'];
      parentId: string | null;
      unitKind?: Org['unitKind'];
      contact?: OrgContact;
    };
    output: { org: Org };
  };
  'staff.list': { input: Record<string, never>; output: { members: Member[] } };
  'staff.update': {
    input: { openid: string; role: Member['role']; unitIds: string[]; name: string };
    output: { member: Member };
  };
  'staff.revoke': { input: { openid: string }; output: { revoked: true } };
  'invite.create': {
    input: { role: Invite['role']; unitId?: string; name: string; hours: number };
    output: { invite: Invite; path: string };
  };
  'invite.list': { input: Record<string, never>; output: { invites: (Invite & { state: string })[] } };
  'invite.revoke': { input: { code: string }; output: { revoked: true } };
  'events.managed': { input: Record<string, never>; output: { events: ManagedEventView[] } };
  'event.save': { input: EventInput; output: { event: ManagedEventView } };
  'event.review': {
    input: { eventId: string; action: 'submit' | 'approve' | 'return' | 'cancel'; reason: string };
    output: { event: ManagedEventView };
  };
  'event.setCapacity': { input: { eventId: string; capacity: number | null }; output: { event: ManagedEventView } };
  'setupAudit.list': {
    input: { offset?: number; limit?: number };
    output: { records: AuditRecord[]; total: number };
  };
  /** Run the reminder scheduler now (it also runs on a timer). */
  'reminders.run': {
    input: Record<string, never>;
    output: { sent: number; refused: number; noCredit: number; failed: number };
  };
  /** What a poster of an event needs: its 小程序码 (production) or the page to encode as a QR code (locally). */
  'event.poster': {
    input: { eventId: string };
    output: { scene: string; page: string; wxacodeBase64: string | null };
  };
}

export interface ExportedFile {
  url: string;
  fileId: string | null;
  fileName: string;
  expiresAt: number;
}

/** Figures of a level of the tree (people counted once across the levels below). */
export interface RollupFigures {
  eventsScheduled: number;
  eventsHeld: number;
  checkedIn: number;
  walkIns: number;
  /** Online joins counted in the app (线上参与), shown apart. */
  online: number;
  entered: number;
  attendance: number;
  distinctPeople: number;
}

/** A campaign with the campaigns that joined it: totals, its own part, and the level below. */
export interface RollupView {
  campaign: { id: string; name: string; orgId: string; orgName: string };
  figures: RollupFigures;
  own: RollupFigures;
  below: {
    campaignId: string;
    orgId: string;
    orgName: string;
    weekStart: string;
    weekEnd: string;
    figures: RollupFigures;
  }[];
}

/** The reporting chain: live roll-ups and reporting tasks (上报任务). */
export interface ReportTaskInput {
  title?: string;
  deadline?: string;
  closesOn?: string | null;
  targetKind: Org['kind'];
  items?: ReportItem[];
  preset?: string;
  year?: number;
  campaignId?: string;
}

export interface ReportingActions {
  /** A campaign with the campaigns that joined it, for an organizer at or above its org (default: the caller's own). */
  'rollup.get': { input: { campaignId?: string }; output: RollupView };
  'report.presets': {
    input: Record<string, never>;
    output: { presets: { id: string; notice: string; title: string; deadline: string; items: ReportItem[] }[] };
  };
  'report.create': { input: ReportTaskInput; output: { task: ReportTask } };
  'report.list': { input: Record<string, never>; output: { issued: ReportTask[]; received: ReportTask[] } };
  'report.submit': {
    input: { taskId: string; orgId: string; answers: Record<string, AnswerInput> };
    output: { submission: ReportSubmission };
  };
  'report.get': { input: { taskId: string; orgId: string }; output: { submission: ReportSubmission | null } };
  'report.decide': {
    input: { taskId: string; orgId: string; action: 'return' | 'approve'; reason?: string };
    output: { submission: ReportSubmission };
  };
  'report.track': { input: { taskId: string }; output: TrackerView };
  'report.remind': { input: { taskId: string }; output: { orgs: number; notices: number } };
}
