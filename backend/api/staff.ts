/**
 * The `staff` function's actions: the door (scan, manual check-in, walk-ins, offline sync),
 * the roster, proxy sign-up and the audit log. Each entry names the use case it runs.
 */
import { actionTable, type HandlersOf } from './edge';
import type { StaffActions } from '../../types/api';
import { checkinConfig } from '../usecases/checkin-codes';
import { manualCheckin, scanCode } from '../usecases/door-admit';
import { syncOffline } from '../usecases/door-sync';
import { auditLog, findAttendee, roster, staffEvents } from '../usecases/roster';
import { undoCheckin } from '../usecases/undo-checkin';
import { walkIn } from '../usecases/walk-in';
import type { Deps } from '../usecases/context';
import { signUpOnBehalf } from '../usecases/signup';
import { staffCancelSignup } from '../usecases/staff-cancel';
import { rosterAnswers } from '../usecases/roster-answers';
import { venueCodes } from '../usecases/self-checkin';
import { toRegistrationView } from '../usecases/views';
import { staffSchemas } from './schemas/staff';

type Handlers = HandlersOf<StaffActions>;

const online = (deps: Deps, input: { eventId: string; deviceId: string; scanId: string; override?: string }) => ({
  eventId: input.eventId,
  deviceId: input.deviceId,
  scanId: input.scanId,
  scannedAt: deps.clock.now(),
  offline: false,
  override: input.override,
});

export const staffHandlers: Handlers = {
  'staff.events': async (deps, caller, input) => ({ events: await staffEvents(deps, caller, input.day) }),
  'checkin.config': async (deps) => checkinConfig(deps),
  'checkin.roster': (deps, caller, input) => roster(deps, caller, input.eventId),
  'roster.answers': (deps, caller, input) => rosterAnswers(deps, caller, input.eventId),
  'venue.codes': (deps, caller, input) => venueCodes(deps, caller, input),
  'checkin.scan': (deps, caller, input) => scanCode(deps, caller, online(deps, input), input.code),
  'checkin.manual': (deps, caller, input) => manualCheckin(deps, caller, online(deps, input), input.registrationId),
  'checkin.walkin': (deps, caller, input) => walkIn(deps, caller, online(deps, input), input),
  'checkin.sync': async (deps, caller, input) => ({
    results: await syncOffline(deps, caller, input.eventId, input.deviceId, input.scans),
  }),
  'checkin.find': async (deps, caller, input) => ({
    entries: await findAttendee(deps, caller, input.eventId, input.query),
  }),
  'checkin.undo': async (deps, caller, input) => {
    await undoCheckin(deps, caller, input, input.registrationId, input.reason);
    return { undone: true };
  },
  'signup.staffCancel': (deps, caller, input) => staffCancelSignup(deps, caller, input),
  'signup.proxy': async (deps, caller, input) => {
    const { registration, outcome, startAt, position } = await signUpOnBehalf(deps, caller, input);
    return {
      registration: toRegistrationView(registration, { startAt }, caller, position, deps.clock.now()),
      outcome,
    };
  },
  'audit.list': (deps, caller, input) => auditLog(deps, caller, input.eventId, input.offset ?? 0, input.limit ?? 50),
};

/** The door's hot path: each scan one unit of work from the caller's lookup on (edge.ts `ActionDef.unit`). */
export const staffTable = actionTable(staffSchemas, staffHandlers, ['checkin.scan', 'checkin.manual']);
