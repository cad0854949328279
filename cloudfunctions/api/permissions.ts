/**
 * Who may call what: the one table the handlers enforce and the permission tests read.
 * Row-level rules (only one's own sign-up, only one's own units) live in the use cases
 * (cloudfunctions/core/checkin.ts: mayWorkDoor, maySupervise).
 */
import type { FunctionName } from '../../types/api';
import type { Role } from '../../types/domain';

export const ALL_ROLES: readonly Role[] = ['anonymous', 'resident', 'staff', 'supervisor', 'organizer', 'admin'];
const EVERYONE = ALL_ROLES;
const SIGNED_IN: readonly Role[] = ['resident', 'staff', 'supervisor', 'organizer', 'admin'];
const DOOR: readonly Role[] = ['staff', 'supervisor', 'organizer', 'admin'];
const SUPERVISORS: readonly Role[] = ['supervisor', 'organizer', 'admin'];
const ORGANIZERS: readonly Role[] = ['organizer', 'admin'];

export const PERMISSIONS = {
  resident: {
    'system.ping': EVERYONE,
    'me.get': EVERYONE,
    'week.get': EVERYONE,
    'events.list': EVERYONE,
    'event.get': EVERYONE,
    'signup.create': SIGNED_IN,
    'signup.cancel': SIGNED_IN,
    'signup.mine': SIGNED_IN,
    'checkin.codes': SIGNED_IN,
    'rating.submit': SIGNED_IN,
    'invite.accept': SIGNED_IN,
    'notices.list': SIGNED_IN,
    'notices.read': SIGNED_IN,
  },
  staff: {
    'staff.events': DOOR,
    'checkin.config': DOOR,
    'checkin.roster': DOOR,
    'checkin.scan': DOOR,
    'checkin.manual': DOOR,
    'checkin.walkin': DOOR,
    'checkin.sync': DOOR,
    'checkin.find': DOOR,
    'checkin.undo': SUPERVISORS,
    'signup.proxy': DOOR,
    'audit.list': SUPERVISORS,
  },
  organizer: {
    'dashboard.get': DOOR,
    'attendance.enter': DOOR,
    'reconcile.run': ORGANIZERS,
    'forms.preview': DOOR,
    'forms.saveProfile': DOOR,
    'forms.export': DOOR,
    'attendance.export': DOOR,
    'events.import': DOOR,
    'campaign.save': ORGANIZERS,
    'org.list': DOOR,
    'org.save': ORGANIZERS,
    'staff.list': ORGANIZERS,
    'staff.update': ORGANIZERS,
    'staff.revoke': ORGANIZERS,
    'invite.create': ORGANIZERS,
    'invite.list': ORGANIZERS,
    'invite.revoke': ORGANIZERS,
    'events.managed': DOOR,
    'event.save': DOOR,
    'event.review': DOOR,
    'event.setCapacity': DOOR,
    'setupAudit.list': ORGANIZERS,
  },
} as const satisfies Record<FunctionName, Record<string, readonly Role[]>>;

export function isAllowed(fn: FunctionName, action: string, role: Role): boolean {
  const table: Record<string, readonly Role[]> = PERMISSIONS[fn];
  return Object.hasOwn(table, action) && table[action].includes(role);
}

/** Actions that change what a dashboard shows: the local server pushes a refresh after each. */
export const MUTATIONS: ReadonlySet<string> = new Set([
  'resident/signup.create',
  'resident/signup.cancel',
  'staff/checkin.scan',
  'staff/checkin.manual',
  'staff/checkin.walkin',
  'staff/checkin.sync',
  'staff/checkin.undo',
  'staff/signup.proxy',
  'organizer/attendance.enter',
  'organizer/reconcile.run',
  'organizer/events.import',
  'resident/rating.submit',
  'resident/invite.accept',
  'organizer/event.save',
  'organizer/event.review',
  'organizer/event.setCapacity',
]);
