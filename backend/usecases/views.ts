/**
 * Shapes domain records into what a caller may see. Personal data is masked here, once.
 */
import { practicalOf } from '../core/practical';
import type { EventView, ManagedEventView, RegistrationView } from '../../types/api';
import type { ActivityEvent, Org, Registration } from '../../types/domain';
import { isCancellable, isSignupOpen, maskName, maskPhone } from '../core/registration';
import { seatsLeft } from '../core/seats';
import type { Caller } from './context';

export interface OrgIndex {
  name(id: string): string;
}

export function orgIndex(orgs: readonly Org[]): OrgIndex {
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return { name: (id) => names.get(id) ?? '' };
}

export function toEventView(event: ActivityEvent, orgs: OrgIndex, now: number): EventView {
  const view: EventView = {
    id: event.id,
    title: event.title,
    content: event.content,
    venue: event.venue,
    startAt: event.startAt,
    endAt: event.endAt,
    day: event.day,
    category: event.category,
    audiences: [...event.audiences],
    mode: event.mode,
    free: event.free,
    ...practicalOf(event),
    venueRole: event.venueRole,
    unitId: event.unitId,
    unitName: orgs.name(event.unitId),
    streetId: event.streetId,
    streetName: orgs.name(event.streetId),
    capacity: event.capacity,
    seatsLeft: seatsLeft(event),
    waitingCount: event.waitingCount,
    maxCompanions: event.maxCompanions,
    signupOpen: isSignupOpen(event, now),
    cancelled: event.status === 'cancelled',
  };
  if (event.onlineUrl) view.onlineUrl = event.onlineUrl;
  return view;
}

export function toRegistrationView(
  reg: Registration,
  event: Pick<ActivityEvent, 'startAt'>,
  caller: Caller,
  waitPosition: number | null,
  now: number,
  door: RegistrationDoor = NOT_AT_DOOR,
): RegistrationView {
  if (reg.status === 'pending') throw new Error('a pending registration is never shown');
  const own = caller.openid !== null && reg.ownerId === caller.openid;
  return {
    id: reg.id,
    eventId: reg.eventId,
    status: reg.status,
    name: own ? reg.name : maskName(reg.name),
    phone: maskPhone(reg.phone),
    companions: reg.companions,
    party: reg.party,
    source: reg.source,
    waitPosition: reg.status === 'waitlisted' ? waitPosition : null,
    createdAt: reg.createdAt,
    promotedAt: reg.promotedAt,
    cancelledAt: reg.cancelledAt,
    cancellable: isCancellable(reg, event, now),
    checkedInAt: door.checkedInAt,
    myRating: own ? door.myRating : null,
  };
}

/** What happened at the door for a registration, and its owner's rating. */
export interface RegistrationDoor {
  checkedInAt: number | null;
  myRating: number | null;
}

export const NOT_AT_DOOR: RegistrationDoor = { checkedInAt: null, myRating: null };

/** An event as the people who run it see it: any state, with counters and the review note. */
export function managedView(event: ActivityEvent, orgs: readonly Org[], now: number): ManagedEventView {
  return {
    ...toEventView(event, orgIndex(orgs), now),
    checkedIn: event.checkedIn,
    walkIns: event.walkIns,
    confirmedPeople: event.seatsTaken,
    status: event.status,
    reviewNote: event.reviewNote || null,
  };
}
