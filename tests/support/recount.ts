/**
 * Dashboard figures recounted the slow way, straight from raw registrations and check-ins,
 * without the counters or the core's counting code: the reference the dashboard must equal.
 */
import type { ActivityEvent, Checkin, Registration } from '../../types/domain';
import type { Store } from '../../cloudfunctions/store/port';
import { shanghai } from '../../cloudfunctions/core/time';

export interface RawFigures {
  signups: number;
  checkedIn: number;
  walkIns: number;
  entered: number;
  attendance: number;
  distinctPeople: number;
  eventsHeld: number;
}

export interface Raw {
  events: ActivityEvent[];
  regs: Registration[];
  checkins: Checkin[];
}

export async function readRaw(store: Store, campaignId: string): Promise<Raw> {
  const events = await store.listEvents(campaignId);
  const regs: Registration[] = [];
  const checkins: Checkin[] = [];
  for (const e of events) {
    regs.push(...(await store.listRegistrationsOfEvent(e.id)));
    checkins.push(...(await store.listCheckinsOfEvent(e.id)));
  }
  return { events, regs, checkins };
}

export function rawFigures(raw: Raw, keep: (e: ActivityEvent) => boolean, day?: string): RawFigures {
  const events = raw.events.filter((e) => e.status === 'approved' && keep(e) && (!day || e.day === day));
  const ids = new Set(events.map((e) => e.id));
  const active = raw.checkins.filter((c) => c.status === 'active' && ids.has(c.eventId));
  const people = new Set<string>();
  for (const c of active) {
    people.add(c.registrationId ? c.registrationId.split('_').slice(1).join('_') : `walkin ${c.id}`);
  }
  const checkedIn = active.filter((c) => c.registrationId).reduce((n, c) => n + c.party, 0);
  const walkIns = active.filter((c) => !c.registrationId).reduce((n, c) => n + c.party, 0);
  const entered = events.reduce((n, e) => n + (e.entered?.participants ?? 0), 0);
  const attending = new Set([
    ...active.map((c) => c.eventId),
    ...events.filter((e) => (e.entered?.participants ?? 0) > 0).map((e) => e.id),
  ]);
  return {
    signups: raw.regs.filter((r) => r.status === 'confirmed' && ids.has(r.eventId)).reduce((n, r) => n + r.party, 0),
    checkedIn,
    walkIns,
    entered,
    attendance: checkedIn + walkIns + entered,
    distinctPeople: people.size,
    eventsHeld: attending.size,
  };
}

export function rawHourly(raw: Raw, day: string, keep: (c: Checkin) => boolean = () => true): number[] {
  const hours = Array.from({ length: 24 }, () => 0);
  for (const c of raw.checkins) {
    if (c.status !== 'active' || !keep(c)) continue;
    const at = shanghai(c.checkedInAt);
    if (at.format('YYYY-MM-DD') === day) hours[at.hour()] += c.party;
  }
  return hours;
}
