/**
 * Who may call what: the one table the handlers enforce and the permission matrix test reads.
 *
 * `roles` is enforced here, at the edge, before any use case runs. `scope` declares the
 * row-level rule the use case enforces on the target of the call (backend/core/checkin.ts
 * `mayWorkDoor` / `maySupervise`, ownership checks in the use cases); the matrix test checks
 * every action for every kind of caller against both.
 */
import type { ErrorCode, FunctionName } from '../../types/api';
import type { Role } from '../../types/domain';

export type Scope =
  /** No row restriction (public reads, the caller's own lists, creating in the caller's district). */
  | 'any'
  /** Only the owner of the registration named in the call; others read it as not found. */
  | 'own-registration'
  /** Staff and supervisors of the event's/unit's unit, organizers of its district, admins. */
  | 'own-unit'
  /** As own-unit, without plain staff. */
  | 'supervise-unit'
  /** Organizers of the district of the target, admins. */
  | 'own-district'
  /** Any door role of the same district (each sees their own part), admins. */
  | 'same-district'
  /**
   * Whoever acts for the org where the record sits now: its unit's staff to submit, the
   * organizers of the reviewing level above to return, recommend or approve (usecases/levels.ts).
   */
  | 'review-level';

export interface Access {
  roles: readonly Role[];
  scope: Scope;
  /** The refusal a caller outside the scope gets, when it is not FORBIDDEN (no existence leak). */
  outOfScope?: ErrorCode;
}

export const ALL_ROLES: readonly Role[] = ['anonymous', 'resident', 'staff', 'supervisor', 'organizer', 'admin'];
const EVERYONE = ALL_ROLES;
const SIGNED_IN: readonly Role[] = ['resident', 'staff', 'supervisor', 'organizer', 'admin'];
const DOOR: readonly Role[] = ['staff', 'supervisor', 'organizer', 'admin'];
const SUPERVISORS: readonly Role[] = ['supervisor', 'organizer', 'admin'];
const ORGANIZERS: readonly Role[] = ['organizer', 'admin'];

const a = (roles: readonly Role[], scope: Scope = 'any', outOfScope?: ErrorCode): Access =>
  outOfScope ? { roles, scope, outOfScope } : { roles, scope };

export const PERMISSIONS = {
  resident: {
    'system.ping': a(EVERYONE),
    'me.get': a(EVERYONE),
    'week.get': a(EVERYONE),
    'events.list': a(EVERYONE),
    'event.get': a(EVERYONE),
    'signup.create': a(SIGNED_IN),
    'signup.cancel': a(SIGNED_IN, 'own-registration', 'REGISTRATION_NOT_FOUND'),
    'signup.mine': a(SIGNED_IN),
    'online.join': a(SIGNED_IN),
    'checkin.codes': a(SIGNED_IN, 'own-registration', 'REGISTRATION_NOT_FOUND'),
    'checkin.self': a(SIGNED_IN),
    'rating.submit': a(SIGNED_IN, 'own-registration', 'REGISTRATION_NOT_FOUND'),
    // Admins are bound at deployment, never by invitation.
    'invite.accept': a(['resident', 'staff', 'supervisor', 'organizer']),
    'notices.list': a(SIGNED_IN),
    'reminders.config': a(SIGNED_IN),
    'reminders.subscribe': a(SIGNED_IN),
    'reminders.mine': a(SIGNED_IN),
    'notices.read': a(SIGNED_IN, 'own-registration', 'VALIDATION_FAILED'),
    'honours.published': a(EVERYONE),
  },
  staff: {
    'staff.events': a(DOOR),
    'checkin.config': a(DOOR),
    'checkin.roster': a(DOOR, 'own-unit'),
    'roster.answers': a(DOOR, 'own-unit'),
    'venue.codes': a(DOOR, 'own-unit'),
    'checkin.scan': a(DOOR, 'own-unit'),
    'checkin.manual': a(DOOR, 'own-unit'),
    'checkin.walkin': a(DOOR, 'own-unit'),
    'checkin.sync': a(DOOR, 'own-unit'),
    'checkin.find': a(DOOR, 'own-unit'),
    'checkin.undo': a(SUPERVISORS, 'supervise-unit'),
    'signup.proxy': a(DOOR, 'own-unit'),
    'signup.staffCancel': a(DOOR, 'own-unit'),
    'audit.list': a(SUPERVISORS, 'supervise-unit'),
  },
  organizer: {
    'dashboard.get': a(DOOR, 'same-district'),
    'attendance.enter': a(DOOR, 'own-unit'),
    'reconcile.run': a(ORGANIZERS, 'own-district'),
    'forms.preview': a(DOOR, 'own-unit'),
    'forms.saveProfile': a(DOOR, 'own-unit'),
    // Before the event, to everyone signed up: the unit's staff and supervisors, the district's organizers.
    'registrants.notify': a(DOOR, 'own-unit'),
    'campaign.save': a(ORGANIZERS, 'own-district'),
    'org.list': a(DOOR),
    'org.save': a(ORGANIZERS, 'own-district', 'VALIDATION_FAILED'),
    'staff.list': a(ORGANIZERS),
    'staff.update': a(ORGANIZERS, 'own-district', 'VALIDATION_FAILED'),
    'staff.revoke': a(ORGANIZERS, 'own-district', 'VALIDATION_FAILED'),
    'invite.create': a(ORGANIZERS, 'own-district', 'VALIDATION_FAILED'),
    'invite.list': a(ORGANIZERS),
    'invite.revoke': a(ORGANIZERS, 'own-district', 'INVITE_NOT_FOUND'),
    'events.managed': a(DOOR),
    'event.save': a(DOOR, 'own-unit'),
    'event.review': a(DOOR, 'own-unit'),
    'event.setCapacity': a(DOOR, 'own-unit'),
    'setupAudit.list': a(ORGANIZERS),
    'reminders.run': a(ORGANIZERS),
    'event.poster': a(DOOR, 'own-unit'),
    // Evaluation (usecases/sampling.ts, award.ts, honours.ts; levels in usecases/levels.ts).
    'sampling.draw': a(ORGANIZERS, 'own-district'),
    'sampling.view': a(ORGANIZERS, 'own-district'),
    'award.sheets': a(ORGANIZERS, 'own-district'),
    'award.score': a(ORGANIZERS, 'own-district'),
    'award.evidence': a(ORGANIZERS, 'own-district'),
    'award.decide': a(ORGANIZERS, 'own-district'),
    'honours.kinds': a(DOOR),
    'honours.saveKind': a(ORGANIZERS, 'own-district'),
    'nominations.list': a(DOOR),
    'nomination.save': a(DOOR, 'own-unit'),
    'nomination.act': a(DOOR, 'review-level'),
    'nomination.photo': a(DOOR, 'own-unit'),
    // The reporting chain: organizers act on their own org's subtree (checked in the use cases).
    'rollup.get': a(ORGANIZERS, 'own-district'),
    'report.presets': a(ORGANIZERS),
    'report.create': a(ORGANIZERS),
    'report.list': a(ORGANIZERS),
    'report.submit': a(ORGANIZERS, 'own-district', 'REPORT_NOT_YOUR_ORG'),
    'report.get': a(ORGANIZERS, 'own-district'),
    'report.decide': a(ORGANIZERS, 'own-district'),
    'report.track': a(ORGANIZERS, 'own-district'),
    'report.remind': a(ORGANIZERS, 'own-district'),
    'report.subscribe': a(ORGANIZERS),
  },
  exports: {
    'forms.export': a(DOOR, 'own-unit'),
    'attendance.export': a(DOOR, 'own-unit'),
    'events.import': a(DOOR, 'own-unit'),
    // Before the event: the unit's staff and supervisors, the district's organizers (mayWorkDoor).
    'registrants.export': a(DOOR, 'own-unit'),
    // Workbooks of the evaluation and the reporting chain (exceljs, and the task's .zip).
    'award.export': a(ORGANIZERS, 'own-district'),
    'honours.export': a(ORGANIZERS),
    'report.package': a(ORGANIZERS, 'own-district'),
    'report.file': a(ORGANIZERS, 'own-district'),
  },
} as const satisfies Record<FunctionName, Record<string, Access>>;

export function accessOf(fn: FunctionName, action: string): Access | null {
  const table: Record<string, Access> = PERMISSIONS[fn];
  return Object.hasOwn(table, action) ? table[action] : null;
}

export function isAllowed(fn: FunctionName, action: string, role: Role): boolean {
  return accessOf(fn, action)?.roles.includes(role) ?? false;
}

/** Actions that change what a dashboard shows: the local server pushes a refresh after each. */
export const MUTATIONS: ReadonlySet<string> = new Set([
  'resident/signup.create',
  'resident/signup.cancel',
  'resident/online.join',
  'resident/rating.submit',
  'resident/invite.accept',
  'staff/checkin.scan',
  'staff/checkin.manual',
  'staff/checkin.walkin',
  'staff/checkin.sync',
  'staff/checkin.undo',
  'staff/signup.proxy',
  'staff/signup.staffCancel',
  'organizer/attendance.enter',
  'organizer/reconcile.run',
  'exports/events.import',
  'organizer/event.save',
  'organizer/event.review',
  'organizer/event.setCapacity',
  'organizer/report.submit',
  'organizer/report.decide',
]);
