/**
 * Domain types shared by the mini-program (src/) and the backend (cloudfunctions/).
 * Plain data only: no functions, no SDK types. Times are epoch milliseconds; calendar
 * days are 'YYYY-MM-DD' strings in Asia/Shanghai (see backend/core/time.ts).
 */

/** A calendar day in Asia/Shanghai, formatted 'YYYY-MM-DD'. */
export type Day = string;

/**
 * Levels of the organisation tree, top to bottom: province → city → district/county →
 * street/town → unit. Units may hang at any level (a city's open university).
 */
export type OrgKind = 'province' | 'city' | 'district' | 'county' | 'street' | 'town' | 'unit';

export const UNIT_KINDS = [
  'community_centre',
  'college',
  'school',
  'kindergarten',
  'library',
  'museum',
  'training',
  'enterprise',
  'government',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A node of the organisation tree of any depth (see OrgKind). */
export interface Org {
  id: string;
  name: string;
  kind: OrgKind;
  /** null for the root of a tree (a province, or a district deployed on its own). */
  parentId: string | null;
  /**
   * The org whose week this node belongs to: the district for streets, towns and units below a
   * district; the org itself for a district, county, city or province (each runs its own campaign).
   */
  districtId: string;
  unitKind?: UnitKind;
  /** The unit's person in charge (负责人): the header fields the forms need. */
  contact?: OrgContact;
}

export interface OrgContact {
  name: string;
  position: string;
  phone: string;
  email: string;
}

/** One district's activity week (全民终身学习活动周), as its notice announces it. */
export interface Campaign {
  id: string;
  districtId: string;
  name: string;
  theme: string;
  weekStart: Day;
  weekEnd: Day;
  /** The longer year-round period, where the notice has one. */
  periodStart?: Day;
  periodEnd?: Day;
  hosts: string[];
  coHosts: string[];
  undertakers: string[];
  opening?: { place: string; startAt: number };
  /** Reporting deadlines the notice sets, e.g. 计划表 before 10月30日, 总结 before 11月23日. */
  deadlines?: { label: string; day: Day }[];
  /**
   * The campaign of the level above this one joins (Jintan's week is part of Changzhou's), so
   * that its figures roll up. `districtId` is then the org running this campaign at any level.
   */
  parentCampaignId?: string;
  /**
   * How the notice sets the dates: a fixed week (002, 003), a year-round period with a launch
   * week (000), or within `withinDays` of the parent's opening (004: 总开幕式前后一个月内).
   */
  dateRule?: { kind: 'week' } | { kind: 'period' } | { kind: 'around_parent_opening'; withinDays: number };
  /** True for generated demonstration data: never mixed with a real week. */
  demo: boolean;
  /** The week's default check-in window (see DoorSettings); events may set their own. */
  door?: DoorSettings;
}

/**
 * When the door accepts check-ins: from `opensBeforeMin` minutes before the start to
 * `closesAfterMin` minutes after the end (defaults 60 and 30, backend/core/checkin.ts).
 */
export interface DoorSettings {
  opensBeforeMin?: number;
  closesAfterMin?: number;
}

export const CATEGORIES = [
  'lecture',
  'training',
  'reading',
  'exhibition',
  'contest',
  'forum',
  'visit',
  'open_day',
  'performance',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const AUDIENCES = [
  'elderly',
  'youth',
  'workers',
  'migrant_workers',
  'veterans',
  'farmers',
  'families',
  'public',
] as const;
export type Audience = (typeof AUDIENCES)[number];

export const EVENT_MODES = ['offline', 'online', 'hybrid'] as const;
export type EventMode = (typeof EVENT_MODES)[number];

export type EventStatus = 'draft' | 'submitted' | 'approved' | 'returned' | 'cancelled';

/** Seat bookkeeping of an event, kept on the event record and changed only atomically. */
export interface SeatCounter {
  /** null: no sign-up needed (open attendance, e.g. an exhibition). */
  capacity: number | null;
  /** Sum of party sizes of confirmed registrations. */
  seatsTaken: number;
  /** Number of waitlisted registrations. */
  waitingCount: number;
}

export interface EnteredFigure {
  participants: number;
  note: string;
  enteredBy: string;
  enteredAt: number;
}

/** Attendance of an event, changed in the same step as each check-in, walk-in or undo. */
export interface AttendanceCounter {
  /** People checked in on a registration (party sizes: the person and companions). */
  checkedIn: number;
  /** People who came without a registration (walk-ins). */
  walkIns: number;
}

/** What residents ask before going: the price, whom to call, where on the map. All optional. */
export interface EventPractical {
  /** 收费 events: the price as the host states it, e.g. 30元/人（含材料费）. null: cleared by an edit. */
  fee?: string | null;
  /** 联系人 and 联系电话 of the host for this activity. */
  contactName?: string | null;
  contactPhone?: string | null;
  /** The venue on the map (GCJ-02, as WeChat's openLocation takes it), with the address to show. */
  location?: { latitude: number; longitude: number; address?: string } | null;
  /** Sign-up questions the host asks (年龄段, 所在村/社区, its own); none: only name and phone. */
  questions?: SignupQuestion[] | null;
}

/**
 * One sign-up question an event asks (core/signup-questions.ts): a choice (年龄段) or a short
 * text (所在村/社区, a question of the host's own), required or optional, with a length limit.
 */
export interface SignupQuestion {
  /** 'age', 'community', or q1–q3 for the host's own questions; unique within the event. */
  id: string;
  kind: 'choice' | 'text';
  label: string;
  /** The options of a choice question. */
  choices?: string[];
  required: boolean;
  /** The longest answer, in characters. */
  maxLength: number;
}

/** One activity of the week (活动项目). */
export interface ActivityEvent extends SeatCounter, AttendanceCounter, EventPractical {
  id: string;
  campaignId: string;
  districtId: string;
  unitId: string;
  /** The street or town the host unit belongs to (denormalised for filtering). */
  streetId: string;
  title: string;
  /** 形式与内容 */
  content: string;
  /** 活动地点 */
  venue: string;
  startAt: number;
  endAt: number;
  /** Asia/Shanghai day of startAt (denormalised for day tabs and forms). */
  day: Day;
  category: Category;
  audiences: Audience[];
  mode: EventMode;
  onlineUrl?: string;
  /** 惠民: free of charge. */
  free: boolean;
  /** 主会场 / 分会场, where the week has them. */
  venueRole: 'main' | 'sub' | null;
  /** How many family members one sign-up may bring. */
  maxCompanions: number;
  /**
   * A participant figure entered by hand, for online events (live streams, 网课) and activities
   * without check-in; shown labelled as entered, never mixed silently with scans.
   */
  entered: EnteredFigure | null;
  /** This activity's own check-in window, overriding the campaign's. */
  door?: DoorSettings;
  /** True for an activity without door check-in (e.g. an outdoor exhibition): figures may be entered. */
  noDoorCheckin?: boolean;
  status: EventStatus;
  /** Why an organizer returned it for changes (shown to the unit's staff). */
  reviewNote?: string;
  createdAt: number;
  updatedAt: number;
}

export type RegistrationStatus = 'pending' | 'confirmed' | 'waitlisted' | 'cancelled';
export type RegistrationSource = 'self' | 'staff';

/** A sign-up (报名) of one person, with companions who count against the seats. */
export interface Registration {
  /** Deterministic: `${eventId}_${holderKey}` so a repeat sign-up collides. */
  id: string;
  eventId: string;
  campaignId: string;
  unitId: string;
  /** The WeChat identity that owns the sign-up; null when staff signed up a person without one. */
  ownerId: string | null;
  source: RegistrationSource;
  /** Who created it (owner, or the staff member acting on someone's behalf). */
  createdBy: string;
  name: string;
  phone: string;
  /** The client's id of the sign-up request: a retry with the same id gets this registration back. */
  requestId?: string;
  companions: number;
  /** 1 + companions: the seats it takes. */
  party: number;
  status: RegistrationStatus;
  /** When it joined the waitlist (orders the waitlist, ties broken by id); kept afterwards. */
  waitTicket: number | null;
  consentAt: number;
  createdAt: number;
  updatedAt: number;
  confirmedAt: number | null;
  cancelledAt: number | null;
  /** Set when a waitlisted sign-up was promoted to confirmed. */
  promotedAt: number | null;
  /**
   * Staff cancelled it after the activity had started (docs/counting.md): its seats stay taken,
   * its check-in stays counted. Absent on every other sign-up.
   */
  cancelledByStaff?: { by: string; reason: string; seatsKept: boolean };
  /** Answers to the event's sign-up questions by question id (only where the event asks). */
  answers?: Record<string, string>;
}

export type Role = 'anonymous' | 'resident' | 'staff' | 'supervisor' | 'organizer' | 'admin';

/** A staff or organizer binding of a WeChat identity. Residents have none. */
export interface Member {
  openid: string;
  role: Exclude<Role, 'anonymous' | 'resident'>;
  districtId: string;
  /** Units a staff member or supervisor works for; empty for organizers and admins. */
  unitIds: string[];
  name: string;
}

export type CheckinMethod = 'code' | 'manual' | 'walkin' | 'self';

/**
 * A person (with companions) checked in at the door. One per registration (id = registration
 * id), so a check-in is counted once however often it is scanned; walk-ins get `walkin_<scanId>`.
 */
export interface Checkin {
  id: string;
  eventId: string;
  campaignId: string;
  unitId: string;
  /** null for a walk-in. */
  registrationId: string | null;
  /** Who came, for counting distinct people: the registration's holder, or the walk-in itself. */
  personKey: string;
  /** Asia/Shanghai day and hour of checkedInAt, for day and hourly figures. */
  day: Day;
  hour: number;
  party: number;
  /** Walk-ins only, optional; registered attendees' data stays on the registration. */
  name: string | null;
  phone: string | null;
  /** Walk-ins only: answers to the event's sign-up questions (core/signup-questions.ts walkinAnswersOf). */
  answers?: Record<string, string>;
  status: 'active' | 'undone';
  method: CheckinMethod;
  /** When the door accepted it (the device's time for offline scans). */
  checkedInAt: number;
  /** When the backend recorded it. */
  recordedAt: number;
  deviceId: string;
  staffId: string;
  offline: boolean;
  undoneAt: number | null;
  undoneBy: string | null;
  undoReason: string | null;
  /** The door scan that admitted it (its scan-log id); absent on records written before it was kept. */
  scanId?: string | null;
  /**
   * The outbox (usecases/outbox.ts): what this check-in still has to write after the answer
   * (event counter, visit markers, summary counters, this scan-log entry); null once written.
   */
  outbox?: ScanLogEntry | null;
  /** 0: the outbox waits; a time: a drain claimed it then; null: no outbox. */
  outboxClaim?: number | null;
}

export const SCAN_OUTCOMES = [
  'checked_in',
  'already_checked_in',
  'wrong_event',
  'expired',
  'invalid',
  'not_registered',
  'waitlisted',
  'cancelled',
  'too_early',
  'ended',
  'event_cancelled',
] as const;
export type ScanOutcome = (typeof SCAN_OUTCOMES)[number];

/** Every scan attempt and door action, accepted or refused: the audit log. Id = the client's scanId. */
export interface ScanLogEntry {
  id: string;
  eventId: string;
  registrationId: string | null;
  kind: CheckinMethod | 'undo' | 'cancel';
  outcome: ScanOutcome | 'undone';
  /** Why a scan was refused, in words (no personal data). */
  reason: string | null;
  deviceId: string;
  staffId: string;
  scannedAt: number;
  recordedAt: number;
  offline: boolean;
  /** True when an offline scan collided with another device's check-in of the same code. */
  conflict: boolean;
  /** The answer given, kept so that replaying the same scan returns it unchanged. */
  firstCheckedInAt: number | null;
}

/** A resident's rating of an event they attended: one per registration (id = registration id). */
export interface Rating {
  id: string;
  eventId: string;
  campaignId: string;
  unitId: string;
  /** 1–5; 4 and 5 count as satisfied (群众满意度). */
  score: number;
  comment: string;
  createdAt: number;
}

/** A one-time invitation binding whoever opens it in WeChat to a unit (or district) and a role. */
export interface Invite {
  /** Eight characters, also the 小程序码 scene. */
  code: string;
  districtId: string;
  role: Exclude<Role, 'anonymous' | 'resident' | 'admin'>;
  /** The unit for staff and supervisors; empty for organizers. */
  unitIds: string[];
  /** Name to show for the bound person, as the organizer typed it. */
  name: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  usedBy: string | null;
  usedAt: number | null;
  revokedAt: number | null;
}

/** A message for a resident inside the app (event changed, cancelled, promoted from the waitlist). */
export interface Notice {
  id: string;
  ownerId: string;
  eventId: string;
  kind:
    | 'event_changed'
    | 'event_cancelled'
    | 'promoted'
    | 'rating_invite'
    | 'report_reminder'
    | 'report_returned'
    /** Written by the event's unit or organizer to everyone signed up (registrants.notify). */
    | 'event_message';
  text: string;
  createdAt: number;
  readAt: number | null;
}

/** Who changed what in the setup of a week: campaigns, units, staff bindings, events. */
export interface AuditRecord {
  id: string;
  districtId: string;
  actor: string;
  at: number;
  action: string;
  target: string;
  /** A short description without personal data. */
  summary: string;
}

/**
 * WeChat subscription-message templates the product sends: 活动开始提醒, 候补成功通知, and the
 * invitation of a sampled attendee to rate (满意度调查邀请, backend/usecases/sampling.ts).
 */
export const REMINDER_KINDS = ['event_reminder', 'promoted', 'rating_invite'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
/** Every subscription-message template: the residents' reminders and the organizers' 上报提醒. */
export type MessageKind = ReminderKind | 'report_reminder';

/**
 * One reminder for one registration: sent once at most (id = `${kind}|${registrationId}`),
 * with what happened. Locally this is the outbox the demo identities can read.
 */
export interface ReminderRecord {
  id: string;
  kind: MessageKind;
  registrationId: string;
  ownerId: string;
  eventId: string;
  status: 'sent' | 'refused' | 'no_credit' | 'failed';
  /** The template fields as sent (≤ 20 characters each for `thing` fields). */
  fields: Record<string, string>;
  attempts: number;
  detail: string;
  at: number;
}
