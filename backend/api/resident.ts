/**
 * The `resident` function's actions: browsing the week and one's own sign-ups.
 * Each entry names its schema and the use case it runs; nothing else happens here.
 */
import type { ResidentActions } from '../../types/api';
import { REMINDER_KINDS, type ReminderKind } from '../../types/domain';
import { selfCheckin } from '../usecases/self-checkin';
import { actionTable, type HandlersOf } from './edge';
import { getEventDetail, getWeek, listEvents } from '../usecases/browse';
import { cancelSignup, doorOf, mySignups, signUp, waitPosition } from '../usecases/signup';
import { checkinCodes } from '../usecases/checkin-codes';
import { joinOnline } from '../usecases/online';
import { rateEvent } from '../usecases/ratings';
import { acceptInvite } from '../usecases/invites';
import { myNotices, readNotice } from '../usecases/notices';
import { myReminders, subscribe } from '../usecases/reminders';
import { orgIndex, toEventView, toRegistrationView } from '../usecases/views';
import { residentSchemas } from './schemas/resident';
import { honourResidentHandlers } from './evaluation';

type Handlers = HandlersOf<ResidentActions>;

export const residentHandlers: Handlers = {
  'system.ping': async (deps) => ({ pong: true, at: deps.clock.now() }),

  'me.get': async (_deps, caller) => ({
    role: caller.role,
    name: caller.name,
    unitIds: caller.unitIds,
    districtId: caller.districtId,
  }),

  'week.get': (deps, _caller, input) => getWeek(deps, input.campaignId),

  'events.list': (deps, _caller, input) => listEvents(deps, input),

  'event.get': (deps, caller, input) => getEventDetail(deps, caller, input.eventId),

  'signup.create': async (deps, caller, input) => {
    const { registration, outcome, startAt, position } = await signUp(deps, caller, input);
    return {
      registration: toRegistrationView(registration, { startAt }, caller, position, deps.clock.now()),
      outcome,
    };
  },

  'signup.cancel': async (deps, caller, input) => {
    const registration = await cancelSignup(deps, caller, input.registrationId);
    const event = await deps.store.getEvent(registration.eventId);
    return {
      registration: toRegistrationView(registration, { startAt: event?.startAt ?? 0 }, caller, null, deps.clock.now()),
    };
  },

  'online.join': (deps, caller, input) => joinOnline(deps, caller, input.eventId),

  'signup.mine': async (deps, caller) => {
    const regs = await mySignups(deps, caller);
    const events = await deps.store.getEvents([...new Set(regs.map((r) => r.eventId))]);
    const byId = new Map(events.map((e) => [e.id, e]));
    const districts = [...new Set(events.map((e) => e.districtId))];
    const names = orgIndex((await Promise.all(districts.map((d) => deps.store.listOrgs(d)))).flat());
    const now = deps.clock.now();
    const items = [];
    for (const reg of regs) {
      const event = byId.get(reg.eventId);
      if (!event) continue;
      items.push({
        registration: toRegistrationView(
          reg,
          event,
          caller,
          await waitPosition(deps, reg),
          now,
          await doorOf(deps, reg),
        ),
        event: toEventView(event, names, now),
      });
    }
    items.sort((a, b) => a.event.startAt - b.event.startAt);
    return { items };
  },

  'checkin.codes': (deps, caller, input) => checkinCodes(deps, caller, input.registrationId),
  'checkin.self': (deps, caller, input) => selfCheckin(deps, caller, input.code),

  'invite.accept': async (deps, caller, input) => {
    const member = await acceptInvite(deps, caller, input.code);
    return { role: member.role, name: member.name, unitIds: member.unitIds };
  },

  'notices.list': async (deps, caller) => {
    const notices = await myNotices(deps, caller);
    return { notices, unread: notices.filter((n) => n.readAt === null).length };
  },

  'notices.read': async (deps, caller, input) => {
    await readNotice(deps, caller, input.id);
    return { read: true };
  },

  'reminders.config': async (deps) => ({
    templates: Object.fromEntries(REMINDER_KINDS.map((k) => [k, deps.templates?.[k] ?? null])) as Record<
      ReminderKind,
      string | null
    >,
    simulated: !deps.templates,
  }),
  'reminders.subscribe': (deps, caller, input) => subscribe(deps, caller, input.accepted),
  'reminders.mine': (deps, caller) => myReminders(deps, caller),

  'rating.submit': async (deps, caller, input) => {
    const rating = await rateEvent(deps, caller, input);
    return { registrationId: rating.id, score: rating.score };
  },
  ...honourResidentHandlers,
};

/** A sign-up: one unit of work from the caller's lookup on (edge.ts `ActionDef.unit`). */
export const residentTable = actionTable(residentSchemas, residentHandlers, ['signup.create']);
